import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, courseEvents, enrollments, learningTasks, lessons, modules, taskOverrides, taskProgress, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { createCourseEventAction } from "@/lib/calendar/actions/create-course-event-action";
import { deleteCourseEventAction } from "@/lib/calendar/actions/delete-course-event-action";
import { saveTimeZoneAction } from "@/lib/calendar/actions/save-time-zone-action";
import { updateCourseEventAction } from "@/lib/calendar/actions/update-course-event-action";
import { calendarItemsFor } from "@/lib/calendar/calendar-items";
import { dueThisWeekForStudent, dueThisWeekForTeacher } from "@/lib/calendar/due-this-week";
import { createCourseEvent } from "@/lib/calendar/event-commands";
import { listCourseEvents, loadCourseEvent } from "@/lib/calendar/event-queries";
import type { CourseEventInput } from "@/lib/calendar/event-schemas";
import { loadStoredTimeZone } from "@/lib/calendar/reader-time-zone";
import { callApi } from "./api/call-api";
import { createApiToken } from "@/lib/api/tokens";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { as, ok } from "./quiz-builder-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

// The calendar's collector for each role, course events' commands, the time
// zone setting, the dashboards' "Due this week" and the REST API over them.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const dayMs = 86_400_000;
const now = Date.now();
const inDays = (days: number) => new Date(now + days * dayMs);
const month = { from: new Date(now - dayMs), to: inDays(30) };

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;
let otherCourse: CourseFixture;
let quizId: string;
let assignmentId: string;

async function addAssignment(courseId: string, dueAt: Date | null, status: "draft" | "published" = "published") {
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId, type: "assignment", title: `Essay ${Math.random().toString(36).slice(2, 6)}`, status, maxPoints: 10, dueAt })
    .returning({ id: learningTasks.id });
  return task!.id;
}

const dateRule = (opensAt: Date) => ({ match: "all" as const, conditions: [{ kind: "date" as const, opensAt: opensAt.toISOString() }] });

function eventInput(overrides: Partial<CourseEventInput> = {}): CourseEventInput {
  const day = inDays(5).toISOString().slice(0, 10);
  return {
    title: "Revision class",
    description: "Bring your **notes**.",
    location: "Lab 2",
    allDay: false,
    startDate: day,
    startTime: "09:00",
    endDate: day,
    endTime: "10:00",
    timeZone: "Europe/London",
    repeat: "none",
    interval: 1,
    ends: "count",
    untilDate: "",
    count: 3,
    ...overrides,
  };
}

beforeEach(async () => {
  [teacher, otherTeacher, student, admin] = await Promise.all([createActor("teacher"), createActor("teacher"), createActor("student"), createActor("admin")]);
  course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 1 });
  otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  quizId = (await createQuiz(course.id, course.moduleIds[0]!, { dueAt: inDays(3) })).taskId;
  assignmentId = await addAssignment(course.id, inDays(60));
  // Another teacher's course the student is not in: none of it may show.
  await createQuiz(otherCourse.id, otherCourse.moduleIds[0]!, { dueAt: inDays(3) });
  await testDb().transaction((tx) => createCourseEvent(tx, otherTeacher, { ...eventInput({ title: "Not yours" }), courseId: otherCourse.id } as never));
});

describe("a student's calendar", () => {
  it("has its due dates, its override, the openings it waits for and its course's events", async () => {
    // The assignment is due in 60 days, but this student's own date is in 10.
    await testDb().insert(taskOverrides).values({ taskId: assignmentId, userId: student.id, dueAt: inDays(10), createdById: teacher.id });
    // The second module opens in 7 days, its lesson with it; the quiz's closing is its due date.
    await testDb().update(modules).set({ releaseRule: dateRule(inDays(7)) }).where(eq(modules.id, course.moduleIds[1]!));
    await ok(teacher, createCourseEventAction, { ...eventInput({ repeat: "weekly", count: 3 }), courseId: course.id });

    const { result: items, count } = await countQueries(() => calendarItemsFor(testDb(), student, month));
    expect(count).toBeLessThanOrEqual(6);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(`due-${quizId}`)).toMatchObject({ kind: "due", title: expect.stringMatching(/^Quiz closes: /), path: `/learn/${course.slug}/quiz/${quizId}` });
    expect(byId.get(`due-${assignmentId}`)).toMatchObject({ kind: "due", startsAt: inDays(10), description: expect.stringContaining("Your own due date") });
    expect(byId.get(`opens-module-${course.moduleIds[1]}`)).toMatchObject({ kind: "opens", title: "Opens: Module 2" });
    // The lesson has no rule of its own: it opens with its module, listed once.
    expect(items.filter((item) => item.id.startsWith("opens-lesson-"))).toEqual([]);
    const event = items.find((item) => item.kind === "event")!;
    expect(event).toMatchObject({ title: "Revision class", location: "Lab 2", courseId: course.id, allDay: false });
    expect(event.recurrence).toEqual({ frequency: "weekly", interval: 1, until: null, count: 3, timeZone: "Europe/London" });
    expect(event.path).toBe(`/calendar/events/${event.id.slice("event-".length)}`);
    // Sorted by time; nothing of the course it is not in.
    expect(items.map((item) => item.startsAt.getTime())).toEqual([...items].map((item) => item.startsAt.getTime()).sort((a, b) => a - b));
    expect(items.every((item) => item.courseId === course.id)).toBe(true);
  });

  it("lists a lesson with a rule of its own, and nothing already open", async () => {
    await testDb().update(lessons).set({ releaseRule: dateRule(inDays(4)) }).where(eq(lessons.id, course.lessonIds[0]!));
    await testDb().update(lessons).set({ releaseRule: dateRule(inDays(-4)) }).where(eq(lessons.id, course.lessonIds[1]!));
    const items = await calendarItemsFor(testDb(), student, month);
    expect(items.filter((item) => item.kind === "opens").map((item) => item.id)).toEqual([`opens-lesson-${course.lessonIds[0]}`]);
  });

  it("keeps an override's date out of the range when it moves the task out", async () => {
    await testDb().insert(taskOverrides).values({ taskId: quizId, userId: student.id, dueAt: inDays(90) });
    const items = await calendarItemsFor(testDb(), student, month);
    expect(items.some((item) => item.id === `due-${quizId}`)).toBe(false);
  });

  it("shows nothing of a dropped course, a draft task or another course asked for", async () => {
    await addAssignment(course.id, inDays(2), "draft");
    const items = await calendarItemsFor(testDb(), student, month);
    expect(items.filter((item) => item.kind === "due")).toHaveLength(1);
    expect(await calendarItemsFor(testDb(), student, { ...month, courseId: otherCourse.id })).toEqual([]);
    expect(await calendarItemsFor(testDb(), student, { ...month, courseId: "not-a-uuid" })).toEqual([]);
    await testDb().update(enrollments).set({ status: "dropped" }).where(eq(enrollments.userId, student.id));
    expect(await calendarItemsFor(testDb(), student, month)).toEqual([]);
  });

  it("costs the same statements for many courses", async () => {
    for (let i = 0; i < 4; i++) {
      const extra = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
      await insertEnrollment(student.id, extra.id);
      await createQuiz(extra.id, extra.moduleIds[0]!, { dueAt: inDays(4 + i) });
      await testDb().update(modules).set({ releaseRule: dateRule(inDays(8)) }).where(eq(modules.id, extra.moduleIds[0]!));
    }
    const { result, count } = await countQueries(() => calendarItemsFor(testDb(), student, month));
    expect(count).toBeLessThanOrEqual(6);
    expect(result.filter((item) => item.kind === "due")).toHaveLength(5);
    // A module that opens in 8 days, and the quiz in it with it: one opening per course.
    expect(result.filter((item) => item.kind === "opens")).toHaveLength(4);
  });

  it("leaves out a finished series and one that starts after the range", async () => {
    await ok(teacher, createCourseEventAction, {
      ...eventInput({ title: "Old series", startDate: inDays(-40).toISOString().slice(0, 10), endDate: inDays(-40).toISOString().slice(0, 10), repeat: "daily", count: 5 }),
      courseId: course.id,
    });
    await ok(teacher, createCourseEventAction, {
      ...eventInput({ title: "Later", startDate: inDays(45).toISOString().slice(0, 10), endDate: inDays(45).toISOString().slice(0, 10) }),
      courseId: course.id,
    });
    const items = await calendarItemsFor(testDb(), student, month);
    expect(items.filter((item) => item.kind === "event")).toEqual([]);
  });
});

describe("a teacher's and an admin's calendar", () => {
  it("has the courses it teaches, drafts marked, with their rule dates and events", async () => {
    const draftTask = await addAssignment(course.id, inDays(6), "draft");
    await testDb()
      .update(learningTasks)
      .set({ releaseRule: { match: "all", conditions: [{ kind: "date", opensAt: inDays(2).toISOString() }, { kind: "enrolment_days", days: 3 }] } })
      .where(eq(learningTasks.id, quizId));
    await ok(teacher, createCourseEventAction, { ...eventInput(), courseId: course.id });
    const { result: items, count } = await countQueries(() => calendarItemsFor(testDb(), teacher, month));
    expect(count).toBeLessThanOrEqual(4);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(`due-${draftTask}`)?.title).toMatch(/\(draft\)$/);
    expect(byId.get(`due-${quizId}`)?.path).toBe(`/teacher/courses/${course.id}/quizzes/${quizId}/results`);
    expect(byId.get(`opens-task-${quizId}`)).toMatchObject({ startsAt: inDays(2), description: expect.stringContaining("Other conditions") });
    expect(items.some((item) => item.kind === "event")).toBe(true);
    expect(items.every((item) => item.courseId === course.id)).toBe(true);
  });

  it("gives an admin the courses it teaches itself, not every course", async () => {
    expect(await calendarItemsFor(testDb(), admin, month)).toEqual([]);
    const own = await createCourse(admin.id, { modules: 1, lessonsPerModule: 1 });
    await createQuiz(own.id, own.moduleIds[0]!, { dueAt: inDays(2) });
    const items = await calendarItemsFor(testDb(), admin, month);
    expect(items.map((item) => item.courseId)).toEqual([own.id]);
  });

  it("gives another teacher nothing of the course, even asked by id", async () => {
    expect((await calendarItemsFor(testDb(), otherTeacher, { ...month, courseId: course.id }))).toEqual([]);
  });
});

describe("course events", () => {
  it("are added, changed (sequence up) and deleted by the teacher, each audited", async () => {
    const created = await ok(teacher, createCourseEventAction, { ...eventInput(), courseId: course.id });
    const [row] = await testDb().select().from(courseEvents).where(eq(courseEvents.id, created.eventId));
    // 09:00 in London in summer or winter; the instant follows the zone.
    expect(row).toMatchObject({ title: "Revision class", timeZone: "Europe/London", sequence: 0, createdById: teacher.id, recurrence: null });

    await ok(teacher, updateCourseEventAction, { ...eventInput({ title: "Revision class (moved)", startTime: "11:00", endTime: "12:00" }), eventId: created.eventId });
    const [changed] = await testDb().select().from(courseEvents).where(eq(courseEvents.id, created.eventId));
    expect(changed).toMatchObject({ title: "Revision class (moved)", sequence: 1 });
    expect(changed!.startsAt.getTime() - row!.startsAt.getTime()).toBe(2 * 3_600_000);

    await ok(admin, deleteCourseEventAction, { eventId: created.eventId });
    expect(await testDb().select().from(courseEvents).where(eq(courseEvents.id, created.eventId))).toEqual([]);
    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, created.eventId));
    expect(audit.map((entry) => [entry.action, entry.actorId]).sort()).toEqual(
      [
        ["course_event.created", teacher.id],
        ["course_event.deleted", admin.id],
        ["course_event.updated", teacher.id],
      ].sort(),
    );
    expect(audit.find((entry) => entry.action === "course_event.updated")!.before).toMatchObject({ title: "Revision class" });
  });

  it("are refused to a student, another teacher, and on a missing course, as not found", async () => {
    for (const who of [student, otherTeacher]) {
      const result = await as(who, createCourseEventAction, { ...eventInput(), courseId: course.id });
      expect(result).toMatchObject({ ok: false, error: "This course does not exist or you do not teach it." });
    }
    const created = await ok(teacher, createCourseEventAction, { ...eventInput(), courseId: course.id });
    for (const who of [student, otherTeacher]) {
      expect(await as(who, updateCourseEventAction, { ...eventInput(), eventId: created.eventId })).toMatchObject({ ok: false });
      expect(await as(who, deleteCourseEventAction, { eventId: created.eventId })).toMatchObject({ ok: false });
    }
    expect(await testDb().select().from(courseEvents).where(eq(courseEvents.id, created.eventId))).toHaveLength(1);
    expect(await as(teacher, createCourseEventAction, { ...eventInput(), courseId: crypto.randomUUID() })).toMatchObject({ ok: false });
  });

  it("refuse bad input with a message next to its field", async () => {
    const cases: [Partial<CourseEventInput>, string][] = [
      [{ title: "  " }, "title"],
      [{ title: "x".repeat(201) }, "title"],
      [{ startDate: "2026-02-30" }, "startDate"],
      [{ startTime: "25:00" }, "startTime"],
      [{ endTime: "08:00" }, "endTime"],
      [{ timeZone: "Mars/Base" }, "timeZone"],
      [{ repeat: "weekly", ends: "count", count: 0 }, "count"],
      [{ repeat: "weekly", ends: "count", count: "" }, "count"],
      [{ repeat: "monthly", interval: 400 }, "interval"],
      [{ repeat: "daily", ends: "until", untilDate: "" }, "untilDate"],
      [{ repeat: "daily", ends: "until", untilDate: "2000-01-01" }, "untilDate"],
    ];
    for (const [change, field] of cases) {
      const result = await as(teacher, createCourseEventAction, { ...eventInput(change), courseId: course.id });
      expect(result.ok, JSON.stringify(change)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors), JSON.stringify(change)).toContain(field);
    }
    expect(await listCourseEvents(testDb(), teacher, course.id)).toEqual([]);
  });

  it("store an all-day event as its dates, and a series' last date inclusive", async () => {
    const created = await ok(teacher, createCourseEventAction, {
      ...eventInput({ allDay: true, startDate: "2031-05-01", endDate: "2031-05-02", startTime: "", endTime: "", repeat: "monthly", ends: "until", untilDate: "2031-08-01" }),
      courseId: course.id,
    });
    const found = await loadCourseEvent(testDb(), student, created.eventId);
    expect(found!.event).toMatchObject({
      allDay: true,
      startsAt: new Date("2031-05-01T00:00:00Z"),
      endsAt: new Date("2031-05-03T00:00:00Z"),
      recurrence: "monthly",
      recurrenceUntil: new Date("2031-08-01T23:59:59Z"),
    });
    const items = await calendarItemsFor(testDb(), student, { from: new Date("2031-07-15T00:00:00Z"), to: new Date("2031-08-15T00:00:00Z") });
    expect(items.find((item) => item.kind === "event")?.recurrence?.timeZone).toBe("UTC");
  });

  it("are read by the course's members only", async () => {
    const created = await ok(teacher, createCourseEventAction, { ...eventInput(), courseId: course.id });
    expect(await loadCourseEvent(testDb(), student, created.eventId)).not.toBeNull();
    expect(await loadCourseEvent(testDb(), admin, created.eventId)).not.toBeNull();
    expect(await loadCourseEvent(testDb(), otherTeacher, created.eventId)).toBeNull();
    const outsider = await createActor("student");
    expect(await loadCourseEvent(testDb(), outsider, created.eventId)).toBeNull();
    expect(await listCourseEvents(testDb(), outsider, course.id)).toEqual([]);
  });
});

describe("the time zone setting", () => {
  it("saves a zone in its usual spelling, and clears it to follow the browser", async () => {
    expect(await ok(student, saveTimeZoneAction, { timeZone: "asia/tokyo" })).toEqual({ timeZone: "Asia/Tokyo" });
    expect(await loadStoredTimeZone(testDb(), student)).toBe("Asia/Tokyo");
    expect(await ok(student, saveTimeZoneAction, { timeZone: "" })).toEqual({ timeZone: null });
    const [row] = await testDb().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, student.id));
    expect(row!.timeZone).toBeNull();
  });

  it("refuses a zone Intl does not know", async () => {
    const result = await as(teacher, saveTimeZoneAction, { timeZone: "Nowhere/Town" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { timeZone: ["Choose a time zone from the list."] } });
    expect(await loadStoredTimeZone(testDb(), teacher)).toBeNull();
  });
});

describe("due this week", () => {
  it("lists a student's own dates, marks overdue work, and drops what is past and handed in", async () => {
    const overdue = await addAssignment(course.id, inDays(-2));
    const handedIn = await addAssignment(course.id, inDays(-1));
    await testDb().insert(taskProgress).values({ userId: student.id, taskId: handedIn, status: "submitted" });
    await testDb().insert(taskOverrides).values({ taskId: assignmentId, userId: student.id, dueAt: inDays(6) });
    const { result, count } = await countQueries(() => dueThisWeekForStudent(testDb(), student));
    expect(count).toBe(1);
    expect(result.map((item) => item.taskId)).toEqual([overdue, quizId, assignmentId]);
    expect(result[0]).toMatchObject({ overdue: true, handedIn: false });
    expect(result[1]).toMatchObject({ overdue: false, path: `/learn/${course.slug}/quiz/${quizId}` });
    expect(result[2]!.dueAt).toEqual(inDays(6));
  });

  it("lists what is due in a teacher's courses with how many handed it in", async () => {
    const other = await createActor("student");
    await insertEnrollment(other.id, course.id);
    await testDb().insert(taskProgress).values({ userId: other.id, taskId: quizId, status: "completed" });
    const { result, count } = await countQueries(() => dueThisWeekForTeacher(testDb(), teacher));
    expect(count).toBe(1);
    expect(result).toEqual([expect.objectContaining({ taskId: quizId, handedIn: 1 })]);
    expect(await dueThisWeekForTeacher(testDb(), otherTeacher)).toEqual([expect.objectContaining({ courseTitle: expect.any(String) })]);
    expect((await dueThisWeekForTeacher(testDb(), otherTeacher)).some((item) => item.taskId === quizId)).toBe(false);
  });
});

describe("GET /api/v1/calendar", () => {
  it("gives a series with its occurrences in the range, and checks the range", async () => {
    const { token } = await testDb().transaction((tx) => createApiToken(tx, student, { name: "calendar", lifetime: "30" }));
    await ok(teacher, createCourseEventAction, {
      ...eventInput({ startDate: "2031-01-06", endDate: "2031-01-06", repeat: "weekly", ends: "count", count: 10 }),
      courseId: course.id,
    });
    const answer = await callApi({ path: "/api/v1/calendar?from=2031-01-12T00:00:00Z&to=2031-01-27T00:00:00Z", token });
    expect(answer.status).toBe(200);
    const series = answer.body.data.find((item: { kind: string }) => item.kind === "event");
    expect(series.startsAt).toBe("2031-01-06T09:00:00.000Z");
    expect(series.occurrences).toEqual([
      { startsAt: "2031-01-13T09:00:00.000Z", endsAt: "2031-01-13T10:00:00.000Z" },
      { startsAt: "2031-01-20T09:00:00.000Z", endsAt: "2031-01-20T10:00:00.000Z" },
    ]);
    const backwards = await callApi({ path: "/api/v1/calendar?from=2031-02-01T00:00:00Z&to=2031-01-01T00:00:00Z", token });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors.to).toBeDefined();
    const tooLong = await callApi({ path: "/api/v1/calendar?from=2031-01-01T00:00:00Z&to=2033-01-01T00:00:00Z", token });
    expect(tooLong.status).toBe(422);
    expect((await callApi({ path: "/api/v1/calendar?from=yesterday", token })).status).toBe(422);
  });

  it("answers a bad event body with 422 and its field", async () => {
    const { token } = await testDb().transaction((tx) => createApiToken(tx, teacher, { name: "calendar", lifetime: "30" }));
    const answer = await callApi({ method: "POST", path: `/api/v1/courses/${course.id}/events`, token, body: { ...eventInput({ endTime: "08:00" }) } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.endTime).toBeDefined();
    const rows = await testDb().select().from(courseEvents).where(and(eq(courseEvents.courseId, course.id)));
    expect(rows).toEqual([]);
  });
});
