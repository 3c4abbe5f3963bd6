// Sections of a course: names unique per course whatever the case, only
// enrolled students as members (all or none), the CSV preview and its
// all-or-nothing save, the balanced random split, section teachers, another
// teacher's course read as not found, and the audit trail. Both databases.
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, courseSections, notifications, sectionMembers, sectionTeachers } from "@/db/schema";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { executeAction } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/session-user";
import { addMembersCommand, removeMemberCommand } from "@/lib/sections/member-commands";
import { loadMySectionNames, loadSectionDetail, loadSectionsOverview } from "@/lib/sections/queries";
import { notEnrolledMessage } from "@/lib/sections/roster-plan";
import { previewRosterCommand, saveRosterCommand } from "@/lib/sections/roster-commands";
import { sectionMessages } from "@/lib/sections/schemas";
import { createSectionCommand, deleteSectionCommand, updateSectionCommand } from "@/lib/sections/section-commands";
import { splitCommand, splitIntoSections } from "@/lib/sections/split-command";
import { addTeacherCommand, courseOwnTeacherMessage, removeTeacherCommand, sectionTeacherRoleMessage } from "@/lib/sections/teacher-commands";
import { callApi } from "./api/call-api";
import { inTx } from "./assignment-fixtures";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let admin: CurrentUser;
let students: CurrentUser[];
let dropped: CurrentUser;
let outsider: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, admin, dropped, outsider] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("admin"),
    createActor("student"),
    createActor("student"),
  ]);
  students = await Promise.all(Array.from({ length: 7 }, () => createActor("student")));
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  for (const [index, student] of students.entries()) await insertEnrollment(student.id, course.id, index === 6 ? "completed" : "active");
  await insertEnrollment(dropped.id, course.id, "dropped");
});

// Each command's own types differ; the tests read the typed result loosely.
const run = <T = Record<string, unknown>>(config: object, input: unknown, user: CurrentUser) =>
  executeAction(config as Parameters<typeof executeAction>[0], input, user) as Promise<{ ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string[]> }>;

async function section(name: string, user: CurrentUser = teacher) {
  const result = await run<{ id: string }>(createSectionCommand, { courseId: course.id, name }, user);
  if (!result.ok) throw new Error(result.error);
  return result.data.id;
}

const membersOf = async (sectionId: string) =>
  (await testDb().select({ userId: sectionMembers.userId }).from(sectionMembers).where(eq(sectionMembers.sectionId, sectionId))).map((row) => row.userId).sort();

const auditActions = async (entityIds: string[]) =>
  (await testDb().select().from(auditLog).where(inArray(auditLog.entityId, entityIds))).map((row) => row.action).sort();

describe("creating, renaming and deleting", () => {
  it("keeps names unique per course whatever the case, with the message next to the name", async () => {
    const first = await section("10A");
    const clash = await run(createSectionCommand, { courseId: course.id, name: "10a" }, teacher);
    expect(clash).toMatchObject({ ok: false, fieldErrors: { name: [sectionMessages.nameTaken] } });
    const second = await section("10B");
    const rename = await run(updateSectionCommand, { courseId: course.id, sectionId: second, name: " 10A ", description: "" }, teacher);
    expect(rename).toMatchObject({ ok: false, fieldErrors: { name: [sectionMessages.nameTaken] } });
    // A change of case of its own name is no clash.
    expect(await run(updateSectionCommand, { courseId: course.id, sectionId: first, name: "10a", description: "Mornings" }, teacher)).toMatchObject({
      ok: true,
      data: { name: "10a", description: "Mornings" },
    });
    // Another course may use the same name.
    const elsewhere = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    expect(await run(createSectionCommand, { courseId: elsewhere.id, name: "10B" }, teacher)).toMatchObject({ ok: true });
  });

  it("cleans names and refuses empty or overlong ones without a 500", async () => {
    expect(await run(createSectionCommand, { courseId: course.id, name: "\u200b \u202e" }, teacher)).toMatchObject({ ok: false, fieldErrors: { name: [sectionMessages.name] } });
    expect(await run(createSectionCommand, { courseId: course.id, name: "x".repeat(101) }, teacher)).toMatchObject({ ok: false, fieldErrors: { name: [sectionMessages.name] } });
    expect(await run(createSectionCommand, { courseId: course.id, name: "10\u202eC\u0000" }, teacher)).toMatchObject({ ok: true, data: { name: "10C" } });
  });

  it("reads another teacher's course as not found, and lets an admin manage any", async () => {
    const id = await section("10A");
    for (const config of [createSectionCommand, updateSectionCommand, deleteSectionCommand]) {
      const result = await run(config, { courseId: course.id, sectionId: id, name: "Z" }, otherTeacher);
      expect(result.ok).toBe(false);
    }
    expect(await loadSectionsOverview(testDb(), otherTeacher, course.id)).toBeNull();
    expect(await loadSectionDetail(testDb(), otherTeacher, course.id, id, { memberPage: 1, candidatePage: 1, search: "" })).toBeNull();
    expect(await loadSectionsOverview(testDb(), students[0]!, course.id)).toBeNull();
    expect(await run(updateSectionCommand, { courseId: course.id, sectionId: id, name: "10A", description: "By the admin" }, admin)).toMatchObject({ ok: true });
  });

  it("audits each change with before and after, and deleting takes the memberships and teachers with it", async () => {
    const id = await section("10A");
    await run(updateSectionCommand, { courseId: course.id, sectionId: id, name: "10 A", description: "" }, teacher);
    await run(addMembersCommand, { courseId: course.id, sectionId: id, userIds: [students[0]!.id] }, teacher);
    await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher);
    const updated = (await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "section.updated"))))[0]!;
    expect(updated).toMatchObject({ actorId: teacher.id, before: { name: "10A" }, after: { name: "10 A" } });
    expect(await run(deleteSectionCommand, { courseId: course.id, sectionId: id }, teacher)).toMatchObject({ ok: true });
    expect(await testDb().select().from(sectionMembers).where(eq(sectionMembers.sectionId, id))).toHaveLength(0);
    expect(await testDb().select().from(sectionTeachers).where(eq(sectionTeachers.sectionId, id))).toHaveLength(0);
    const deleted = (await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "section.deleted"))))[0]!;
    expect(deleted.before).toMatchObject({ name: "10 A", memberCount: 1, teacherIds: [otherTeacher.id] });
    expect(await auditActions([id])).toEqual(["section.created", "section.deleted", "section.members_added", "section.teacher_added", "section.updated"]);
  });
});

describe("members", () => {
  it("adds only students enrolled in the course (active or finished), all or none", async () => {
    const id = await section("10A");
    const refused = await run(addMembersCommand, { courseId: course.id, sectionId: id, userIds: [students[0]!.id, dropped.id] }, teacher);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { userIds: [expect.stringContaining("nobody was added")] } });
    for (const stranger of [outsider.id, teacher.id]) {
      expect(await run(addMembersCommand, { courseId: course.id, sectionId: id, userIds: [students[1]!.id, stranger] }, teacher)).toMatchObject({ ok: false });
    }
    expect(await membersOf(id)).toEqual([]);
    const added = await run<{ added: string[]; alreadyMembers: string[] }>(
      addMembersCommand,
      { courseId: course.id, sectionId: id, userIds: [students[0]!.id, students[6]!.id] },
      teacher,
    );
    expect(added).toMatchObject({ ok: true });
    expect(await membersOf(id)).toEqual([students[0]!.id, students[6]!.id].sort());
    // Adding again changes nothing and says so; no second audit row.
    expect(await run(addMembersCommand, { courseId: course.id, sectionId: id, userIds: [students[0]!.id] }, teacher)).toMatchObject({
      ok: true,
      data: { added: [], alreadyMembers: [students[0]!.id] },
    });
    expect((await auditActions([id])).filter((action) => action === "section.members_added")).toHaveLength(1);
    expect(await loadMySectionNames(testDb(), students[0]!, course.id)).toEqual(["10A"]);
    expect(await run(removeMemberCommand, { courseId: course.id, sectionId: id, userId: students[0]!.id }, teacher)).toMatchObject({ ok: true });
    expect(await run(removeMemberCommand, { courseId: course.id, sectionId: id, userId: students[0]!.id }, teacher)).toMatchObject({ ok: false });
    expect(await auditActions([id])).toContain("section.members_removed");
  });

  it("lists members and candidates a page at a time in a bounded number of statements", async () => {
    const id = await section("10A");
    await run(addMembersCommand, { courseId: course.id, sectionId: id, userIds: students.slice(0, 3).map((s) => s.id) }, teacher);
    const { result, count } = await countQueries(() => loadSectionDetail(testDb(), teacher, course.id, id, { memberPage: 1, candidatePage: 1, search: "" }));
    expect(count).toBeLessThanOrEqual(5);
    expect(result!.members.total).toBe(3);
    // The other four enrolled students (not the dropped one).
    expect(result!.candidates.total).toBe(4);
    expect(result!.teacherCandidates.map((t) => t.id)).toContain(otherTeacher.id);
    expect(result!.teacherCandidates.map((t) => t.id)).not.toContain(teacher.id);
    const searched = await loadSectionDetail(testDb(), teacher, course.id, id, { memberPage: 1, candidatePage: 1, search: students[5]!.username });
    expect(searched!.candidates.rows.map((row) => row.id)).toEqual([students[5]!.id]);
    const overview = await countQueries(() => loadSectionsOverview(testDb(), teacher, course.id));
    expect(overview.count).toBeLessThanOrEqual(3);
    expect(overview.result).toMatchObject({ enrolledCount: 7, unassignedCount: 4, sections: [{ name: "10A", memberCount: 3 }] });
  });
});

describe("section teachers", () => {
  it("adds active teachers only (never the course's own), idempotently, and audits", async () => {
    const id = await section("10B");
    expect(await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: teacher.id }, teacher)).toMatchObject({
      ok: false,
      fieldErrors: { userId: [courseOwnTeacherMessage] },
    });
    expect(await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: students[0]!.id }, teacher)).toMatchObject({
      ok: false,
      fieldErrors: { userId: [sectionTeacherRoleMessage] },
    });
    expect(await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher)).toMatchObject({ ok: true, data: { changed: false } });
    const overview = await loadSectionsOverview(testDb(), teacher, course.id);
    expect(overview!.sections[0]!.teachers).toEqual([{ id: otherTeacher.id, name: otherTeacher.username }]);
    const detail = await loadSectionDetail(testDb(), teacher, course.id, id, { memberPage: 1, candidatePage: 1, search: "" });
    expect(detail!.section.teachers.map((t) => t.id)).toEqual([otherTeacher.id]);
    expect(detail!.teacherCandidates.map((t) => t.id)).not.toContain(otherTeacher.id);
    // A section teacher does not manage the course's sections.
    expect(await run(createSectionCommand, { courseId: course.id, name: "Mine" }, otherTeacher)).toMatchObject({ ok: false });
    expect(await run(removeTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher)).toMatchObject({ ok: true });
    expect(await run(removeTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher)).toMatchObject({ ok: false });
    const actions = await auditActions([id]);
    expect(actions.filter((action) => action === "section.teacher_added")).toHaveLength(1);
    expect(actions).toContain("section.teacher_removed");
  });
});

describe("telling a new section teacher", () => {
  it("tells the teacher once, in the worker, which section of which course it now teaches", async () => {
    const id = await section("10C");
    await processPendingEvents(testDb(), {});
    await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher);
    // Adding it again changes nothing and tells nobody again.
    await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher);
    expect(await processPendingEvents(testDb(), notificationHandlers)).toBe(1);
    const told = await testDb().select().from(notifications).where(eq(notifications.userId, otherTeacher.id));
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(/^You now teach 10C in Fixture course \d+$/);
    expect(told[0]!.link).toBe(`/teacher/courses/${course.id}`);
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, teacher.id))).toHaveLength(0);
  });

  it("says nothing when the teacher was taken off the section before the worker ran", async () => {
    const id = await section("10D");
    await processPendingEvents(testDb(), {});
    await run(addTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher);
    await run(removeTeacherCommand, { courseId: course.id, sectionId: id, userId: otherTeacher.id }, teacher);
    await processPendingEvents(testDb(), notificationHandlers);
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, otherTeacher.id))).toHaveLength(0);
  });
});

describe("random split", () => {
  it("deals the unassigned students into balanced groups, reusing a group of the same name", async () => {
    const existing = await section("group 1");
    await run(addMembersCommand, { courseId: course.id, sectionId: existing, userIds: [students[0]!.id] }, teacher);
    const result = await run<{ groups: { sectionId: string; name: string; size: number; isNew: boolean }[] }>(
      splitCommand,
      { courseId: course.id, count: "3", prefix: "Group", mode: "unassigned" },
      teacher,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.data.groups.map((group) => [group.name, group.size, group.isNew])).toEqual([
      ["Group 1", 2, false],
      ["Group 2", 2, true],
      ["Group 3", 2, true],
    ]);
    expect(result.data.groups[0]!.sectionId).toBe(existing);
    const all = (await Promise.all(result.data.groups.map((group) => membersOf(group.sectionId)))).flat();
    // The student already in a section is not dealt again; the six others are, once each.
    expect(all.filter((id) => id === students[0]!.id)).toHaveLength(1);
    expect(new Set(all).size).toBe(7);
    expect(all).not.toContain(dropped.id);
    expect(await run(splitCommand, { courseId: course.id, count: 2, prefix: "Group", mode: "unassigned" }, teacher)).toMatchObject({
      ok: false,
      fieldErrors: { mode: [expect.stringContaining("nobody is left")] },
    });
    const audit = (await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, course.id), eq(auditLog.action, "section.split"))))[0]!;
    expect(audit.after).toMatchObject({ mode: "unassigned", count: 3, prefix: "Group" });
  });

  it("re-splits everyone after removing every membership of the course", async () => {
    const other = await section("10A");
    await run(addMembersCommand, { courseId: course.id, sectionId: other, userIds: students.map((s) => s.id) }, teacher);
    const result = await inTx((tx) => splitIntoSections(tx, teacher, { courseId: course.id, count: 2, prefix: "Team", mode: "everyone" }));
    expect(result.removed).toBe(7);
    expect(result.groups.map((group) => group.size)).toEqual([4, 3]);
    expect(await membersOf(other)).toEqual([]);
    const dealt = (await Promise.all(result.groups.map((group) => membersOf(group.sectionId)))).flat().sort();
    expect(dealt).toEqual(students.map((s) => s.id).sort());
  });

  it("refuses bad counts and prefixes next to their fields, and another teacher's course", async () => {
    expect(await run(splitCommand, { courseId: course.id, count: 1, prefix: "G", mode: "everyone" }, teacher)).toMatchObject({ ok: false, fieldErrors: { count: [sectionMessages.count] } });
    expect(await run(splitCommand, { courseId: course.id, count: 51, prefix: "", mode: "everyone" }, teacher)).toMatchObject({
      ok: false,
      fieldErrors: { count: [sectionMessages.count], prefix: [sectionMessages.prefix] },
    });
    expect(await run(splitCommand, { courseId: course.id, count: 2, prefix: "G", mode: "everyone" }, otherTeacher)).toMatchObject({ ok: false });
    expect(await testDb().select().from(courseSections).where(eq(courseSections.courseId, course.id))).toHaveLength(0);
  });
});

describe("CSV assignment", () => {
  it("previews every row (new sections marked, bad rows with line and reason) and saves nothing while a row is bad", async () => {
    const a = await section("10A");
    const csv = [
      "email,section",
      `${students[0]!.email},10a`,
      `${students[1]!.username},10B`,
      `${outsider.email},10B`,
      `${dropped.username},10A`,
      ",10B",
    ].join("\n");
    const preview = await run<{ rows: { line: number; section: { isNew: boolean } }[]; problems: { line: number; message: string }[]; newSections: string[] }>(
      previewRosterCommand,
      { courseId: course.id, csv },
      teacher,
    );
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.rows.map((row) => [row.line, row.section.isNew])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(preview.data.newSections).toEqual(["10B"]);
    expect(preview.data.problems).toEqual([
      { line: 4, message: notEnrolledMessage },
      { line: 5, message: notEnrolledMessage },
      { line: 6, message: "No email or username." },
    ]);
    const saved = await run(saveRosterCommand, { courseId: course.id, csv }, teacher);
    expect(saved).toMatchObject({ ok: false, fieldErrors: { csv: [expect.stringContaining("nothing was saved")] } });
    expect(await membersOf(a)).toEqual([]);
    expect(await testDb().select().from(courseSections).where(eq(courseSections.courseId, course.id))).toHaveLength(1);
  });

  it("saves a clean file whole: creates the new sections, adds the members, audits", async () => {
    const a = await section("10A");
    const csv = `username,section\n${students[0]!.username},10A\n${students[1]!.email.toUpperCase()},10B\n${students[2]!.username},10B\n`;
    const saved = await run<{ added: number; newSections: string[] }>(saveRosterCommand, { courseId: course.id, csv }, teacher);
    expect(saved).toMatchObject({ ok: true, data: { added: 3, newSections: ["10B"] } });
    const [b] = await testDb().select().from(courseSections).where(and(eq(courseSections.courseId, course.id), eq(courseSections.name, "10B")));
    expect(await membersOf(a)).toEqual([students[0]!.id]);
    expect(await membersOf(b!.id)).toEqual([students[1]!.id, students[2]!.id].sort());
    const audit = (await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, course.id), eq(auditLog.action, "section.csv_assigned"))))[0]!;
    expect(audit.after).toMatchObject({ rows: 3, newSections: [{ name: "10B" }] });
    expect(await auditActions([b!.id])).toEqual(["section.created"]);
    // The same file again: nothing new, still fine.
    expect(await run(saveRosterCommand, { courseId: course.id, csv }, teacher)).toMatchObject({ ok: true, data: { added: 0, newSections: [] } });
  });

  it("refuses a file without the columns, or another teacher's course", async () => {
    expect(await run(previewRosterCommand, { courseId: course.id, csv: "name\nx\n" }, teacher)).toMatchObject({ ok: false, fieldErrors: { csv: [expect.stringContaining("first row")] } });
    expect(await run(previewRosterCommand, { courseId: course.id, csv: "email,section\na,b\n" }, otherTeacher)).toMatchObject({ ok: false });
  });
});

describe("REST API", () => {
  it("creates, splits and lists through the same rules; another teacher's course is 404", async () => {
    const { createApiToken } = await import("@/lib/api/tokens");
    const tokenOf = async (user: CurrentUser) => (await testDb().transaction((tx) => createApiToken(tx, user, { name: "t", lifetime: "30" }))).token;
    const [mine, theirs] = [await tokenOf(teacher), await tokenOf(otherTeacher)];
    const created = await callApi({ method: "POST", path: `/api/v1/courses/${course.id}/sections`, body: { name: "10A" }, token: mine });
    expect(created).toMatchObject({ status: 201, body: { name: "10A", memberCount: 0, teachers: [] } });
    expect(await callApi({ method: "POST", path: `/api/v1/courses/${course.id}/sections`, body: { name: "10a" }, token: mine })).toMatchObject({
      status: 422,
      body: { errors: { name: [sectionMessages.nameTaken] } },
    });
    expect(await callApi({ method: "POST", path: `/api/v1/courses/${course.id}/sections`, body: { name: "X" }, token: theirs })).toMatchObject({ status: 404 });
    expect(await callApi({ path: `/api/v1/courses/${course.id}/sections`, token: theirs })).toMatchObject({ status: 404 });
    const split = await callApi({ method: "POST", path: `/api/v1/courses/${course.id}/sections/split`, body: { count: 2, prefix: "G", mode: "everyone" }, token: mine });
    expect(split).toMatchObject({ status: 200, body: { groups: [{ size: 4 }, { size: 3 }] } });
    const sectionId = (created.body as { id: string }).id;
    // A section teacher reads its own sections only.
    expect(await callApi({ method: "PUT", path: `/api/v1/courses/${course.id}/sections/${sectionId}/teachers/${otherTeacher.id}`, token: mine })).toMatchObject({ status: 200 });
    const seen = await callApi({ path: `/api/v1/courses/${course.id}/sections?limit=100`, token: theirs });
    expect(seen).toMatchObject({ status: 200 });
    expect((seen.body as { data: { id: string }[] }).data.map((row) => row.id)).toEqual([sectionId]);
    expect(await callApi({ method: "PATCH", path: `/api/v1/courses/${course.id}/sections/${sectionId}`, body: { name: "Z" }, token: theirs })).toMatchObject({ status: 404 });
  });
});
