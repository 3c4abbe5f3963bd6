// Writing release rules: who may, what is refused (items of other courses, an
// item waiting for itself, loops, scores without points, garbage), the audit
// entry, the progress recompute, the course's progress scope, and the API's
// answers. Runs on PGlite and PostgreSQL.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, courses, enrollments, learningTasks, lessons, modules } from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { createApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session-user";
import { updateCourse } from "@/lib/courses/editor/update-course";
import type { ReleaseRule } from "@/lib/pacing/release-rule";
import { setReleaseRule, setReleaseRuleFromForm } from "@/lib/pacing/set-release-rule";
import { callApi } from "./api/call-api";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let admin: CurrentUser;
let student: CurrentUser;
let course: CourseFixture;
let otherCourse: CourseFixture;
let quizId: string;
let discussionId: string;
let otherQuizId: string;

beforeAll(async () => {
  [teacher, otherTeacher, admin, student] = [await createActor("teacher"), await createActor("teacher"), await createActor("admin"), await createActor("student")];
  course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 2 });
  otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
  quizId = (await createQuiz(course.id, course.moduleIds[1]!, { attemptsAllowed: null, timeLimitMinutes: null })).taskId;
  otherQuizId = (await createQuiz(otherCourse.id, otherCourse.moduleIds[0]!)).taskId;
  const [discussion] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "discussion", title: "Talk it over", status: "published" })
    .returning({ id: learningTasks.id });
  discussionId = discussion!.id;
  await insertEnrollment(student.id, course.id);
});

const lesson = (i: number) => ({ kind: "lesson" as const, id: course.lessonIds[i]! });
const completedLesson = (i: number) => ({ kind: "completed" as const, item: lesson(i) });
const all = (...conditions: ReleaseRule["conditions"]): ReleaseRule => ({ match: "all", conditions });
const set = (item: { kind: "module" | "lesson" | "task"; id: string }, rule: ReleaseRule | null, by: CurrentUser = teacher) => executeAction(setReleaseRule, { item, rule }, by);

async function storedRule(kind: "module" | "lesson" | "task", id: string) {
  const table = kind === "module" ? modules : kind === "lesson" ? lessons : learningTasks;
  const [row] = await testDb().select({ rule: table.releaseRule }).from(table).where(eq(table.id, id));
  return row?.rule ?? null;
}

describe("who may set a release rule", () => {
  it("lets the course's teacher and an admin set and clear a module's, a lesson's and a task's rule", async () => {
    const rule = all({ kind: "enrolment_days", days: 3 });
    for (const item of [{ kind: "module" as const, id: course.moduleIds[1]! }, lesson(1), { kind: "task" as const, id: quizId }]) {
      const saved = await set(item, rule);
      expect(saved).toMatchObject({ ok: true, data: { courseId: course.id, item: { ...item }, rule, summary: "Opens 3 days after enrolment" } });
      expect(await storedRule(item.kind, item.id)).toEqual(rule);
      expect(await set(item, null, admin)).toMatchObject({ ok: true, data: { rule: null, summary: "Always open" } });
      expect(await storedRule(item.kind, item.id)).toBeNull();
    }
  });

  it("answers another teacher and a student as if the item did not exist, and changes nothing", async () => {
    const rule = all({ kind: "enrolment_days", days: 1 });
    expect(await set(lesson(0), rule, otherTeacher)).toEqual({ ok: false, error: "This lesson does not exist.", fieldErrors: {} });
    expect(await set({ kind: "module", id: course.moduleIds[0]! }, rule, student)).toEqual({ ok: false, error: "This module does not exist.", fieldErrors: {} });
    expect(await set({ kind: "task", id: quizId }, rule, student)).toEqual({ ok: false, error: "This task does not exist.", fieldErrors: {} });
    expect(await storedRule("lesson", course.lessonIds[0]!)).toBeNull();
    // A kind that does not match the id is a missing item too.
    expect(await set({ kind: "task", id: course.lessonIds[0]! }, rule)).toMatchObject({ ok: false, error: "This task does not exist." });
  });
});

describe("what a rule may name", () => {
  it("refuses another course's lesson, module and quiz as not found, next to the condition", async () => {
    const result = await set(
      lesson(3),
      all(
        { kind: "completed", item: { kind: "lesson", id: otherCourse.lessonIds[0]! } },
        { kind: "completed", item: { kind: "module", id: otherCourse.moduleIds[0]! } },
        { kind: "score", taskId: otherQuizId, minPercent: 50 },
      ),
    );
    expect(result).toEqual({
      ok: false,
      error: "Some conditions need your attention.",
      fieldErrors: {
        "rule.conditions.0.item": ["There is no such lesson in this course."],
        "rule.conditions.1.item": ["There is no such module in this course."],
        "rule.conditions.2.taskId": ["There is no such quiz or task in this course."],
      },
    });
    expect(await storedRule("lesson", course.lessonIds[3]!)).toBeNull();
  });

  it("refuses an item waiting for itself, for its own module, and a module for its own lessons", async () => {
    expect(await set(lesson(2), all(completedLesson(2)))).toMatchObject({ ok: false, fieldErrors: { "rule.conditions.0.item": ["A lesson cannot wait for itself to be completed."] } });
    expect(await set(lesson(2), all({ kind: "completed", item: { kind: "module", id: course.moduleIds[1]! } }))).toMatchObject({
      ok: false,
      fieldErrors: { "rule.conditions.0.item": [expect.stringMatching(/^A lesson cannot wait for its own module/)] },
    });
    expect(await set({ kind: "module", id: course.moduleIds[1]! }, all(completedLesson(3)))).toMatchObject({
      ok: false,
      fieldErrors: { "rule.conditions.0.item": [expect.stringMatching(/^A module cannot wait for its own lessons/)] },
    });
    expect(await set({ kind: "task", id: quizId }, all({ kind: "score", taskId: quizId, minPercent: 10 }))).toMatchObject({
      ok: false,
      fieldErrors: { "rule.conditions.0.taskId": ["A task cannot wait for its own score."] },
    });
  });

  it("refuses a score on a task without points", async () => {
    expect(await set(lesson(3), all({ kind: "score", taskId: discussionId, minPercent: 50 }))).toEqual({
      ok: false,
      error: "“Talk it over” has no points, so it has no score: choose a quiz or a task with points.",
      fieldErrors: { "rule.conditions.0.taskId": ["“Talk it over” has no points, so it has no score: choose a quiz or a task with points."] },
    });
  });

  it("refuses a loop across the course's rules, naming the items, and keeps the first rule", async () => {
    const first = all(completedLesson(1));
    expect((await set(lesson(2), first)).ok).toBe(true);
    const result = await set(lesson(1), all(completedLesson(2)));
    expect(result).toMatchObject({
      ok: false,
      error:
        "These conditions wait on each other in a loop, so nothing in it could ever open: lesson “Lesson 1.2” waits for lesson “Lesson 2.1”, which waits for lesson “Lesson 1.2”.",
      fieldErrors: { "rule.conditions": [expect.stringContaining("lesson “Lesson 1.2” waits for lesson “Lesson 2.1”")] },
    });
    expect(await storedRule("lesson", course.lessonIds[1]!)).toBeNull();
    expect(await storedRule("lesson", course.lessonIds[2]!)).toEqual(first);
    expect((await set(lesson(2), null)).ok).toBe(true);
  });

  it.each([
    ["no item", { rule: null }],
    ["a rule that is a string", { item: { kind: "lesson", id: "00000000-0000-4000-8000-000000000000" }, rule: "soon" }],
    ["an unknown condition", { item: { kind: "lesson", id: "00000000-0000-4000-8000-000000000000" }, rule: { match: "all", conditions: [{ kind: "whenever" }] } }],
    ["NUL in a date", { item: { kind: "lesson", id: "00000000-0000-4000-8000-000000000000" }, rule: { match: "all", conditions: [{ kind: "date", opensAt: "2026\u0000" }] } }],
    ["a huge day count", { item: { kind: "lesson", id: "00000000-0000-4000-8000-000000000000" }, rule: { match: "all", conditions: [{ kind: "enrolment_days", days: 1e12 }] } }],
  ])("refuses %s with field messages", async (_name, input) => {
    const result = await executeAction(setReleaseRule, input, teacher);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.fieldErrors).not.toEqual({});
  });
});

describe("saving", () => {
  it("reads the form's dates in the teacher's zone and stores the instant", async () => {
    const result = await executeAction(
      setReleaseRuleFromForm,
      {
        item: lesson(3),
        timeZone: "Asia/Kolkata",
        rule: { match: "any", conditions: [{ kind: "date", opensAt: "2027-01-04T09:00" }, { kind: "enrolment_days", days: "7" }] },
      },
      teacher,
    );
    expect(result).toMatchObject({ ok: true });
    expect(await storedRule("lesson", course.lessonIds[3]!)).toEqual({
      match: "any",
      conditions: [{ kind: "date", opensAt: "2027-01-04T03:30:00.000Z" }, { kind: "enrolment_days", days: 7 }],
    });
    // No condition left: always open again.
    expect(await executeAction(setReleaseRuleFromForm, { item: lesson(3), timeZone: "UTC", rule: { match: "all", conditions: [] } }, teacher)).toMatchObject({ ok: true, data: { rule: null } });
  });

  it("audits the change with the rule before and after", async () => {
    const item = { kind: "task" as const, id: quizId };
    await set(item, all({ kind: "enrolment_days", days: 1 }));
    await set(item, all(completedLesson(0), { kind: "date", opensAt: "2027-03-01T08:00:00.000Z" }), admin);
    const [entry] = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "release_rule.updated"), eq(auditLog.entityId, quizId)))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      actorId: admin.id,
      entityType: "learning_task",
      before: { courseId: course.id, title: "Fixture quiz", rule: all({ kind: "enrolment_days", days: 1 }), summary: "Opens 1 day after enrolment" },
      after: { courseId: course.id, summary: "Opens after lesson “Lesson 1.1” is completed and from 1 Mar 2027, 08:00 UTC" },
    });
    await set(item, null);
  });

  it("recomputes the course's progress from the rows in the same change", async () => {
    await testDb().update(enrollments).set({ progressPercent: 99 }).where(and(eq(enrollments.userId, student.id), eq(enrollments.courseId, course.id)));
    expect((await set(lesson(3), all({ kind: "enrolment_days", days: 2 }))).ok).toBe(true);
    const [row] = await testDb().select({ percent: enrollments.progressPercent }).from(enrollments).where(and(eq(enrollments.userId, student.id), eq(enrollments.courseId, course.id)));
    expect(Number(row!.percent)).toBe(0);
    await set(lesson(3), null);
  });

  it("costs the same number of statements whatever the course's size", async () => {
    const small = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const large = await createCourse(teacher.id, { modules: 6, lessonsPerModule: 8 });
    const count = async (fixture: CourseFixture) =>
      (await countQueries(() => set({ kind: "lesson", id: fixture.lessonIds[1]! }, all({ kind: "completed", item: { kind: "lesson", id: fixture.lessonIds[0]! } })))).count;
    expect(await count(large)).toBe(await count(small));
  });
});

describe("the course's progress scope", () => {
  const fields = { title: "Paced course", description: "", learningObjectives: "", prerequisites: "", subject: "physics", visibility: "public", enrollmentKey: "" } as const;

  it("is kept when the form leaves it out, set and audited when it changes, and refused when unknown", async () => {
    const scopeOf = async () => (await testDb().select({ scope: courses.progressScope }).from(courses).where(eq(courses.id, course.id)))[0]!.scope;
    expect(await scopeOf()).toBe("all");
    expect((await executeAction(updateCourse, { courseId: course.id, ...fields }, teacher)).ok).toBe(true);
    expect(await scopeOf()).toBe("all");
    expect((await executeAction(updateCourse, { courseId: course.id, ...fields, progressScope: "released" }, teacher)).ok).toBe(true);
    expect(await scopeOf()).toBe("released");
    const entries = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "course.progress_scope_changed"), eq(auditLog.entityId, course.id)));
    expect(entries).toEqual([expect.objectContaining({ actorId: teacher.id, before: { progressScope: "all" }, after: { progressScope: "released" } })]);
    expect(await executeAction(updateCourse, { courseId: course.id, ...fields, progressScope: "some" }, teacher)).toMatchObject({
      ok: false,
      fieldErrors: { progressScope: ["Choose what course progress counts."] },
    });
    expect(await executeAction(updateCourse, { courseId: course.id, ...fields, progressScope: "all" }, otherTeacher)).toMatchObject({ ok: false, error: "This course does not exist." });
    expect(await scopeOf()).toBe("released");
    expect((await executeAction(updateCourse, { courseId: course.id, ...fields, progressScope: "all" }, teacher)).ok).toBe(true);
  });
});

describe("the API", () => {
  it("answers malformed JSON with 400, a bad rule with 422 at its field and a loop with 422, changing nothing", async () => {
    const { token } = await testDb().transaction((tx) => createApiToken(tx, teacher, { name: "pacing", lifetime: "30" }));
    const path = `/api/v1/lessons/${course.lessonIds[3]}/release-rule`;
    const malformed = await callApi({ method: "PUT", path, token, rawBody: "{rule:", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    const bad = await callApi({ method: "PUT", path, token, body: { rule: { match: "all", conditions: [{ kind: "score", taskId: discussionId, minPercent: 150 }] } } });
    expect(bad).toMatchObject({ status: 422, body: { errors: { "rule.conditions.0.minPercent": ["Enter a percent from 0 to 100."] } } });
    const pointless = await callApi({ method: "PUT", path, token, body: { rule: { match: "all", conditions: [{ kind: "score", taskId: discussionId, minPercent: 50 }] } } });
    expect(pointless).toMatchObject({ status: 422, body: { errors: { "rule.conditions.0.taskId": [expect.stringContaining("has no points")] } } });

    await set(lesson(0), all(completedLesson(3)));
    const loop = await callApi({ method: "PUT", path, token, body: { rule: all(completedLesson(0)) } });
    expect(loop).toMatchObject({ status: 422, body: { detail: expect.stringContaining("lesson “Lesson 2.2” waits for lesson “Lesson 1.1”, which waits for lesson “Lesson 2.2”") } });
    expect(await storedRule("lesson", course.lessonIds[3]!)).toBeNull();
    const read = await callApi({ path: `/api/v1/lessons/${course.lessonIds[0]}/release-rule`, token });
    expect(read).toMatchObject({ status: 200, body: { item: { kind: "lesson", title: "Lesson 1.1" }, rule: all(completedLesson(3)), summary: "Opens after lesson “Lesson 2.2” is completed" } });
    expect((await callApi({ method: "DELETE", path: `/api/v1/lessons/${course.lessonIds[0]}/release-rule`, token })).body).toMatchObject({ rule: null });
  });
});
