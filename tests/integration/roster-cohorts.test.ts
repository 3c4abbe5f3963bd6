// Roster import and cohorts against the database: preview errors by line,
// all-or-nothing saving, create + update + enrol + section + cohort, a flat
// statement count, queued invitations, cohort links enrolling current and
// later members, audit rows, and the API's dry run. PGlite and PostgreSQL.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountTokens, auditLog, cohortCourses, cohortMembers, cohorts, courseSections, emailDeliveries, enrollments, sectionMembers, users } from "@/db/schema";
import { ActionFailure } from "@/lib/actions/result";
import type { CurrentUser } from "@/lib/auth/session-user";
import { linkCohortToCourse, unlinkCohortFromCourse } from "@/lib/cohorts/link-course";
import { createCohort, deleteCohort } from "@/lib/cohorts/manage-cohort";
import { addMembers, addMembersByEmail, removeMember } from "@/lib/cohorts/members";
import { runRosterImport } from "@/lib/roster/run-import";
import { callApi } from "./api/call-api";
import { createApiToken } from "@/lib/api/tokens";
import { countQueries, createUser, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const bytes = (text: string) => new TextEncoder().encode(text);
const tag = () => Math.random().toString(36).slice(2, 8);
const inTx = <T>(work: (tx: Parameters<Parameters<ReturnType<typeof testDb>["transaction"]>[0]>[0]) => Promise<T>) => testDb().transaction(work);
const preview = (admin: CurrentUser, csv: string) => inTx((tx) => runRosterImport(tx, admin, bytes(csv), { dryRun: true }));
const save = (admin: CurrentUser, csv: string, previewToken?: string) => inTx((tx) => runRosterImport(tx, admin, bytes(csv), { dryRun: false, previewToken }));
async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof ActionFailure) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let admin: CurrentUser;
let teacher: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  admin = await createActor("admin");
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
});

describe("roster import", () => {
  it("previews every bad row with its line and reason, and saves nothing", async () => {
    const t = tag();
    const draft = await createCourse(teacher.id, { status: "draft" });
    const taken = await createUser({ username: `taken_${t}` });
    const csv = [
      "Email,Username,Role,Class,Course,Section",
      `ok_${t}@test.example,ok_${t},student,10,${course.slug},`,
      `bad-email,bad_${t},student,,,`,
      `c_${t}@test.example,c_${t},teacher,11,,`,
      `d_${t}@test.example,d_${t},student,,no-such-course-${t},`,
      `e_${t}@test.example,e_${t},student,,${draft.slug},`,
      `f_${t}@test.example,f_${t},teacher,,${course.slug},`,
      `g_${t}@test.example,${taken.username},student,,,`,
      `h_${t}@test.example,h_${t},student,,,10A`,
      `OK_${t}@test.example,i_${t},student,,,`,
    ].join("\n");
    const outcome = await preview(admin, csv);
    const errorsByLine = Object.fromEntries(outcome.rows.filter((row) => row.action === "invalid").map((row) => [row.line, row.errors.join(" ")]));
    expect(errorsByLine).toEqual({
      3: "The email “bad-email” is not a valid address.",
      4: "Only students have a class; this row's role is teacher.",
      5: `No course has the slug “no-such-course-${t}”.`,
      6: expect.stringContaining("is not published"),
      7: "Only students are enrolled in courses; this row's role is teacher.",
      8: `The username ${taken.username} belongs to another account.`,
      9: "A section needs a course: fill in the course column too.",
      10: `The email ok_${t}@test.example is also on line 2.`,
    });
    expect(outcome.rows[0]).toMatchObject({ line: 2, action: "create", enrolment: "new" });
    expect(outcome.saved).toBe(false);

    const failure = await refusal(save(admin, csv));
    expect(failure.userMessage).toBe("8 rows need attention: nothing was saved.");
    expect(failure.fieldErrors["line 3"]).toEqual(["The email “bad-email” is not a valid address."]);
    expect(await testDb().select().from(users).where(eq(users.email, `ok_${t}@test.example`))).toHaveLength(0);
  });

  it("creates, updates, enrols, makes sections and cohorts, queues invitations and audits, all at once", async () => {
    const t = tag();
    const existing = await createUser({ email: `old_${t}@test.example`, username: `old_${t}` });
    const dropped = await createUser({ email: `back_${t}@test.example`, username: `back_${t}` });
    await insertEnrollment(dropped.id, course.id, "dropped");
    const cohortName = `Class 10 ${t}`;
    const csv = [
      "name,email,username,role,class,course,section,cohort",
      `Ana ${t},ana_${t}@test.example,ana_${t},student,10,${course.slug},10A,${cohortName}`,
      `Ben ${t},ben_${t}@test.example,ben_${t},student,,${course.slug},10a,${cohortName}`,
      `Tia ${t},tia_${t}@test.example,tia_${t},teacher,,,,${cohortName}`,
      `Old Renamed,OLD_${t}@test.example,,,12,,,`,
      `,back_${t}@test.example,,,,${course.slug},,`,
    ].join("\n");
    const shown = await preview(admin, csv);
    expect(shown.rows.map((row) => row.action)).toEqual(["create", "create", "create", "update", "unchanged"]);
    expect(shown.rows[3]!.changes).toEqual([`Name: none → Old Renamed`, "Class: none → 12"]);
    expect(shown.rows[4]).toMatchObject({ enrolment: "reactivate" });
    expect(shown.rows[0]!.section).toEqual({ id: null, name: "10A" });

    const saved = await save(admin, csv, shown.previewToken);
    expect(saved.report).toMatchObject({
      created: 3,
      updated: 1,
      unchanged: 1,
      enrolments: 3,
      sectionsCreated: 1,
      sectionMemberships: 2,
      cohortsCreated: 1,
      cohortMemberships: 3,
      invitationsQueued: 3,
    });
    const created = await testDb().select().from(users).where(inArray(users.email, [`ana_${t}@test.example`, `ben_${t}@test.example`, `tia_${t}@test.example`]));
    expect(created.map((user) => [user.username, user.role, user.gradeLevel, user.passwordHash]).sort()).toEqual([
      [`ana_${t}`, "student", 10, "!invited"],
      [`ben_${t}`, "student", null, "!invited"],
      [`tia_${t}`, "teacher", null, "!invited"],
    ]);
    const [old] = await testDb().select().from(users).where(eq(users.id, existing.id));
    expect(old).toMatchObject({ displayName: "Old Renamed", gradeLevel: 12, username: `old_${t}`, passwordHash: existing.passwordHash });
    const ids = created.map((user) => user.id);
    expect(await testDb().select().from(accountTokens).where(inArray(accountTokens.userId, ids))).toHaveLength(3);
    const mails = await testDb().select().from(emailDeliveries).where(inArray(emailDeliveries.userId, ids));
    expect(mails.map((mail) => [mail.type, mail.status])).toEqual(Array(3).fill(["account.invitation", "pending"]));
    expect(mails[0]!.link).toMatch(/^\/set-password\/[A-Za-z0-9_-]{43}$/);

    const enrolled = await testDb().select().from(enrollments).where(eq(enrollments.courseId, course.id));
    expect(enrolled.filter((row) => row.status === "active").map((row) => row.userId).sort()).toEqual(
      [created.find((u) => u.username === `ana_${t}`)!.id, created.find((u) => u.username === `ben_${t}`)!.id, dropped.id].sort(),
    );
    const [section] = await testDb().select().from(courseSections).where(eq(courseSections.courseId, course.id));
    expect(section!.name).toBe("10A");
    expect(await testDb().select().from(sectionMembers).where(eq(sectionMembers.sectionId, section!.id))).toHaveLength(2);
    const [cohort] = await testDb().select().from(cohorts).where(eq(cohorts.name, cohortName));
    expect(await testDb().select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohort!.id))).toHaveLength(3);

    const audits = await testDb().select().from(auditLog).where(eq(auditLog.actorId, admin.id));
    const actions = audits.map((row) => row.action).sort();
    expect(actions.filter((action) => action === "user.created")).toHaveLength(3);
    expect(actions).toEqual(expect.arrayContaining(["user.imported", "user.updated", "cohort.created", "cohort.members_added"]));
    expect(audits.find((row) => row.action === "user.imported")!.after).toMatchObject({ rows: 5, created: 3, updated: 1, invitationsQueued: 3 });
  });

  it("refuses to save when anything changed since the preview, and to demote the acting admin", async () => {
    const t = tag();
    const csv = `email,username,role\nlate_${t}@test.example,late_${t},student\n`;
    const shown = await preview(admin, csv);
    await createUser({ email: `late_${t}@test.example`, username: `other_${t}` });
    expect((await refusal(save(admin, csv, shown.previewToken))).userMessage).toMatch(/Something changed since the preview/);

    const self = await preview(admin, `email,username,role\n${admin.email},,teacher\n`);
    expect(self.rows[0]!.errors).toEqual(["This is your own account: you cannot change your own role."]);
  });

  it("runs a bounded number of statements: the same for 10 rows as for 200", async () => {
    // Each run with its own course, so both make their section and cohort.
    const other = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const csvOf = (n: number, t: string, slug: string) =>
      ["name,email,username,role,class,course,section,cohort", ...Array.from({ length: n }, (_, i) => `P ${i},p${i}_${t}@test.example,p${i}_${t},student,9,${slug},S1,Cohort ${t}`)].join("\n");
    const small = await countQueries(() => save(admin, csvOf(10, tag(), course.slug)));
    const large = await countQueries(() => save(admin, csvOf(200, tag(), other.slug)));
    expect(small.result.report?.created).toBe(10);
    expect(large.result.report?.created).toBe(200);
    expect(large.result.report?.enrolments).toBe(200);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThan(45);
  });
});

describe("cohorts", () => {
  it("a course link enrols current student members (skipping others) and later ones as they join; unlinking keeps enrolments", async () => {
    const t = tag();
    const cohort = await inTx((tx) => createCohort(tx, admin, { name: `Cohort ${t}`, description: "" }));
    const duplicate = await refusal(inTx((tx) => createCohort(tx, admin, { name: `COHORT ${t}`, description: "" })));
    expect(duplicate.fieldErrors.name).toEqual([expect.stringContaining("already exists")]);

    const [s1, s2, late] = await Promise.all([createUser(), createUser(), createUser()]);
    const staff = await createUser({ role: "teacher" });
    await inTx((tx) => addMembers(tx, admin, { cohortId: cohort.id, userIds: [s1!.id, s2!.id, staff.id] }));
    const [section] = await testDb().insert(courseSections).values({ courseId: course.id, name: `A ${t}` }).returning();
    const linked = await inTx((tx) => linkCohortToCourse(tx, admin, { cohortId: cohort.id, courseId: course.id, sectionId: section!.id }));
    expect(linked).toMatchObject({ enrolled: 2, alreadyEnrolled: 0, skipped: 1 });

    const joined = await inTx((tx) => addMembersByEmail(tx, admin, { cohortId: cohort.id, emails: `email\n${late!.email.toUpperCase()}\n${s1!.email}` }));
    expect(joined).toMatchObject({ added: 1, alreadyMembers: 1, enrolments: 1 });
    const active = await testDb().select().from(enrollments).where(and(eq(enrollments.courseId, course.id), eq(enrollments.status, "active")));
    expect(active.map((row) => row.userId).sort()).toEqual([s1!.id, s2!.id, late!.id].sort());
    expect(await testDb().select().from(sectionMembers).where(eq(sectionMembers.sectionId, section!.id))).toHaveLength(3);

    const unknown = await refusal(inTx((tx) => addMembersByEmail(tx, admin, { cohortId: cohort.id, emails: `nobody_${t}@test.example` })));
    expect(unknown.fieldErrors.emails![0]).toMatch(/No account has these emails/);

    await inTx((tx) => unlinkCohortFromCourse(tx, admin, { cohortId: cohort.id, courseId: course.id }));
    await inTx((tx) => removeMember(tx, admin, { cohortId: cohort.id, userId: s2!.id }));
    const after = await testDb().select().from(enrollments).where(and(eq(enrollments.courseId, course.id), eq(enrollments.status, "active")));
    expect(after).toHaveLength(3);
    const fresh = await createUser();
    await inTx((tx) => addMembers(tx, admin, { cohortId: cohort.id, userIds: [fresh.id] }));
    expect(await testDb().select().from(enrollments).where(eq(enrollments.userId, fresh.id))).toHaveLength(0);

    await inTx((tx) => deleteCohort(tx, admin, { cohortId: cohort.id, confirmName: `cohort ${t}` }));
    expect(await testDb().select().from(cohortCourses).where(eq(cohortCourses.cohortId, cohort.id))).toHaveLength(0);
    const actions = (await testDb().select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, cohort.id))).map((row) => row.action);
    expect(actions.sort()).toEqual(
      ["cohort.course_linked", "cohort.course_unlinked", "cohort.created", "cohort.deleted", "cohort.members_added", "cohort.members_added", "cohort.members_added", "cohort.members_removed"].sort(),
    );
    const [linkAudit] = await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, cohort.id), eq(auditLog.action, "cohort.course_linked")));
    expect(linkAudit!.after).toMatchObject({ enrolled: 2, skipped: 1 });
  });

  it("refuses unknown users all-or-nothing and draft courses", async () => {
    const cohort = await inTx((tx) => createCohort(tx, admin, { name: `Strict ${tag()}`, description: "" }));
    const s1 = await createUser();
    await refusal(inTx((tx) => addMembers(tx, admin, { cohortId: cohort.id, userIds: [s1.id, "00000000-0000-4000-8000-000000000000"] })));
    expect(await testDb().select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohort.id))).toHaveLength(0);
    const draft = await createCourse(teacher.id, { status: "draft" });
    const failure = await refusal(inTx((tx) => linkCohortToCourse(tx, admin, { cohortId: cohort.id, courseId: draft.id, sectionId: null })));
    expect(failure.fieldErrors.courseId).toEqual(["Only a published course takes enrolments."]);
  });
});

describe("API", () => {
  it("dry-runs and saves an import sent as text/csv or multipart", async () => {
    const { token } = await inTx((tx) => createApiToken(tx, admin, { name: "roster", lifetime: "30" }));
    const t = tag();
    const csv = `email,username,role,cohort\napi_${t}@test.example,api_${t},student,API ${t}\n`;
    const dry = await callApi({ method: "POST", path: "/api/v1/users/import?dryRun=true", token, rawBody: csv, headers: { "content-type": "text/csv" } });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ saved: false, totals: { rows: 1, create: 1, invalid: 0 }, rows: [{ line: 2, action: "create", cohort: { name: `API ${t}`, isNew: true } }] });
    expect(await testDb().select().from(users).where(eq(users.email, `api_${t}@test.example`))).toHaveLength(0);

    const form = new FormData();
    form.set("file", new Blob([csv], { type: "text/csv" }), "roster.csv");
    const encoded = new Response(form);
    const body = await encoded.text();
    const saved = await callApi({
      method: "POST",
      path: `/api/v1/users/import?previewToken=${dry.body.previewToken}`,
      token,
      rawBody: body,
      headers: { "content-type": encoded.headers.get("content-type")! },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.report).toMatchObject({ created: 1, invitationsQueued: 1, cohortsCreated: 1 });
    expect(saved.body.rows[0].userId).toEqual(saved.body.report.createdUsers[0].id);

    const broken = await callApi({ method: "POST", path: "/api/v1/users/import", token, rawBody: "email,phone\n", headers: { "content-type": "text/csv" } });
    expect(broken.status).toBe(422);
    expect(broken.body.detail).toMatch(/Unknown column “phone”/);
    const count = await testDb().select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.email, `api_${t}@test.example`));
    expect(count[0]!.n).toBe(1);
  });
});
