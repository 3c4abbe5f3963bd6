import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { announcements, auditLog, courses, domainEvents, enrollments, notifications, users } from "@/db/schema";
import { deleteAnnouncementAction } from "@/lib/announcements/actions/delete-announcement-action";
import { editAnnouncementAction } from "@/lib/announcements/actions/edit-announcement-action";
import { postAnnouncementAction } from "@/lib/announcements/actions/post-announcement-action";
import {
  latestAnnouncementsForStudent,
  latestCourseAnnouncements,
  listCourseAnnouncements,
  loadAnnouncement,
  loadPostableCourse,
  loadReadableCourse,
} from "@/lib/announcements/queries";
import { announcementPageSize } from "@/lib/announcements/schemas";
import type { CurrentUser } from "@/lib/auth/session-user";
import { renderMarkdown } from "@/lib/content/markdown";
import { rowsOf } from "@/lib/db/rows";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { as, ok } from "./quiz-builder-fixtures";

// The real exported actions, called as the browser would: only the session
// reader (which needs the Next.js runtime) and the cache are replaced.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let outsider: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, student, outsider, admin] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("student"),
    createActor("student"),
    createActor("admin"),
  ]);
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  // Events of the set-up are not what these tests look at.
  await processPendingEvents(testDb(), {});
});

const fields = { title: "Lab moved to Friday", body: "The lab is on **Friday** in room 4." };
const post = (by: CurrentUser = teacher, overrides: Partial<typeof fields> = {}, courseId = course.id) =>
  as(by, postAnnouncementAction, { courseId, ...fields, ...overrides });

const announcementsOf = (courseId: string) => testDb().select().from(announcements).where(eq(announcements.courseId, courseId));
const announcementEvents = (courseId = course.id) =>
  testDb()
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, "announcement.posted"), sql`${domainEvents.payload}->>'courseId' = ${courseId}`));

async function enrolMany(courseId: string, size: number) {
  const tag = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const students = await testDb()
    .insert(users)
    .values(Array.from({ length: size }, (_, i) => ({ email: `ann_${tag}_${i}@test.example`, username: `ann_${tag}_${i}`, role: "student" as const, passwordHash: "x" })))
    .returning({ id: users.id });
  await testDb().insert(enrollments).values(students.map((row) => ({ userId: row.id, courseId })));
  return students;
}

describe("posting an announcement", () => {
  it("writes the row and exactly one announcement.posted event together", async () => {
    const { announcementId, slug } = await ok(teacher, postAnnouncementAction, { courseId: course.id, title: "  Lab moved  ", body: fields.body });
    expect(slug).toBe(course.slug);
    const [row] = await announcementsOf(course.id);
    expect(row).toMatchObject({ id: announcementId, title: "Lab moved", body: fields.body, authorId: teacher.id });
    const events = await announcementEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ aggregateId: announcementId, actorId: teacher.id, payload: { announcementId, courseId: course.id } });
  });

  it("costs a fixed few statements for 5,000 students, and the worker then notifies all 5,000 but not the teacher", async () => {
    const small = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    const baseline = await countQueries(() => post(teacher, {}, small.id));
    expect(baseline.result.ok).toBe(true);
    await processPendingEvents(testDb(), {});

    const big = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    await enrolMany(big.id, 5_000);
    const { result, count, queries } = await countQueries(() => post(teacher, {}, big.id));
    expect(result.ok).toBe(true);
    // Ask whether staff must first set up two-step verification, read the course to
    // authorize and to post, insert the row, insert the event: nothing per student.
    expect(count).toBe(baseline.count);
    expect(queries.map((query) => query.trim().split(/\s+/)[0]!.toLowerCase())).toEqual(["select", "select", "select", "insert", "insert"]);
    expect(queries[0]).toMatch(/require_staff_mfa/);
    expect(queries.filter((query) => /notifications/i.test(query))).toHaveLength(0);
    expect(await testDb().select().from(notifications).where(eq(notifications.type, "announcement.posted"))).toHaveLength(0);

    expect(await processPendingEvents(testDb(), notificationHandlers)).toBe(1);
    const announcementId = result.ok ? result.data.announcementId : "";
    const [sent] = rowsOf<{ total: number; linked: number }>(
      await testDb().execute(sql`SELECT count(*)::int AS total,
          count(*) FILTER (WHERE link = ${`/learn/${big.slug}/announcements/${announcementId}`})::int AS linked
        FROM notifications WHERE type = 'announcement.posted'`),
    );
    expect(sent).toEqual({ total: 5_000, linked: 5_000 });
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, teacher.id))).toHaveLength(0);
  }, 120_000);

  it("lets an admin post to any course", async () => {
    expect((await post(admin)).ok).toBe(true);
    expect(await announcementsOf(course.id)).toHaveLength(1);
  });

  it("refuses a teacher of another course and a student, writing nothing", async () => {
    for (const intruder of [otherTeacher, student, outsider]) {
      const result = await post(intruder);
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist or you do not teach it|not allowed/) });
    }
    expect(await announcementsOf(course.id)).toHaveLength(0);
    expect(await announcementEvents()).toHaveLength(0);
  });

  it("answers bad input with messages next to the fields, writing nothing", async () => {
    const result = await post(teacher, { title: "   ", body: "  \n " });
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: ["Enter a title."], body: ["Write the announcement."] } });
    const long = await post(teacher, { title: "x".repeat(201), body: "y".repeat(20_001) });
    expect(long).toMatchObject({
      ok: false,
      fieldErrors: { title: [expect.stringMatching(/at most 200/)], body: [expect.stringMatching(/at most 20,000/)] },
    });
    expect((await as(teacher, postAnnouncementAction, { courseId: "not-a-uuid", ...fields })).ok).toBe(false);
    expect(await announcementsOf(course.id)).toHaveLength(0);
    expect(await announcementEvents()).toHaveLength(0);
  });
});

describe("editing and deleting", () => {
  it("edits without a new event, by the author or an admin, never by another teacher or a student", async () => {
    const { announcementId } = await ok(teacher, postAnnouncementAction, { courseId: course.id, ...fields });
    await processPendingEvents(testDb(), notificationHandlers);
    const edited = await as(teacher, editAnnouncementAction, { announcementId, title: "Lab moved to Monday", body: "Monday instead." });
    expect(edited.ok).toBe(true);
    expect((await as(admin, editAnnouncementAction, { announcementId, title: "Lab on Monday", body: "Monday, room 4." })).ok).toBe(true);
    for (const intruder of [otherTeacher, student]) {
      expect(await as(intruder, editAnnouncementAction, { announcementId, title: "Hacked", body: "Hacked" })).toMatchObject({ ok: false });
    }
    expect((await as(teacher, editAnnouncementAction, { announcementId, title: "", body: "x" })).ok).toBe(false);
    const [row] = await announcementsOf(course.id);
    expect(row).toMatchObject({ title: "Lab on Monday", body: "Monday, room 4." });
    expect(await announcementEvents()).toHaveLength(1);
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, student.id))).toHaveLength(1);
  });

  it("deletes with an audit entry, refused to another teacher and a student", async () => {
    const { announcementId } = await ok(teacher, postAnnouncementAction, { courseId: course.id, ...fields });
    for (const intruder of [otherTeacher, student]) {
      expect((await as(intruder, deleteAnnouncementAction, { announcementId })).ok).toBe(false);
    }
    expect(await announcementsOf(course.id)).toHaveLength(1);
    expect((await as(teacher, deleteAnnouncementAction, { announcementId })).ok).toBe(true);
    expect(await announcementsOf(course.id)).toHaveLength(0);
    const [entry] = await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, announcementId), eq(auditLog.action, "announcement.deleted")));
    expect(entry).toMatchObject({ actorId: teacher.id, entityType: "announcement", before: expect.objectContaining({ title: fields.title }) });
    expect((await as(teacher, deleteAnnouncementAction, { announcementId })).ok).toBe(false);
  });
});

describe("reading announcements", () => {
  it("lists a course's announcements newest first and paged, in a fixed number of statements", async () => {
    const total = announcementPageSize + 2;
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
    await testDb()
      .insert(announcements)
      .values(Array.from({ length: total }, (_, i) => ({ courseId: course.id, authorId: teacher.id, title: `News ${i}`, body: "b", createdAt: at(i) })));

    const first = await countQueries(() => listCourseAnnouncements(testDb(), student, course.id, 1));
    expect(first.count).toBe(2);
    expect(first.result.items.map((item) => item.title).slice(0, 2)).toEqual([`News ${total - 1}`, `News ${total - 2}`]);
    expect(first.result).toMatchObject({ total, pageCount: 2 });
    expect(first.result.items[0]!.authorName).toBe(teacher.username);
    const second = await listCourseAnnouncements(testDb(), student, course.id, 2);
    expect(second.items.map((item) => item.title)).toEqual(["News 1", "News 0"]);

    const latest = await countQueries(() => latestCourseAnnouncements(testDb(), student, course.id, 3));
    expect(latest.count).toBe(1);
    expect(latest.result.map((item) => item.title)).toEqual([`News ${total - 1}`, `News ${total - 2}`, `News ${total - 3}`]);
  });

  it("shows a non-member nothing: the course, the list and one announcement read as not found", async () => {
    const { announcementId } = await ok(teacher, postAnnouncementAction, { courseId: course.id, ...fields });
    const dropped = await createActor("student");
    await insertEnrollment(dropped.id, course.id, "dropped");
    for (const reader of [outsider, dropped, otherTeacher]) {
      expect(await loadReadableCourse(testDb(), reader, course.slug)).toBeNull();
      expect((await listCourseAnnouncements(testDb(), reader, course.id, 1)).items).toEqual([]);
      expect(await latestCourseAnnouncements(testDb(), reader, course.id)).toEqual([]);
      expect(await loadAnnouncement(testDb(), reader, course.slug, announcementId)).toBeNull();
    }
    expect(await loadPostableCourse(testDb(), otherTeacher, course.id)).toBeNull();
    expect(await loadPostableCourse(testDb(), student, course.id)).toBeNull();
    // Members read it: the enrolled student, the teacher, an admin.
    for (const reader of [student, teacher, admin]) {
      expect(await loadAnnouncement(testDb(), reader, course.slug, announcementId)).toMatchObject({ title: fields.title, body: fields.body });
    }
    // Not through another course's slug either.
    const other = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 0 });
    await insertEnrollment(student.id, other.id);
    expect(await loadAnnouncement(testDb(), student, other.slug, announcementId)).toBeNull();
  });

  it("hides a draft course's announcements from its students", async () => {
    await ok(teacher, postAnnouncementAction, { courseId: course.id, ...fields });
    await testDb().update(courses).set({ status: "draft" }).where(eq(courses.id, course.id));
    expect(await loadReadableCourse(testDb(), student, course.slug)).toBeNull();
    expect(await latestAnnouncementsForStudent(testDb(), student)).toEqual([]);
  });

  it("gathers the dashboard's latest five across many courses in one statement", async () => {
    const many: CourseFixture[] = [];
    for (let i = 0; i < 8; i++) {
      const extra = await createCourse(i % 2 ? teacher.id : otherTeacher.id, { modules: 1, lessonsPerModule: 0 });
      await insertEnrollment(student.id, extra.id, i === 7 ? "completed" : "active");
      many.push(extra);
    }
    const notMine = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));
    await testDb()
      .insert(announcements)
      .values([
        ...many.map((extra, i) => ({ courseId: extra.id, authorId: extra.teacherId, title: `Course ${i} news`, body: "b", createdAt: at(i) })),
        { courseId: notMine.id, authorId: teacher.id, title: "Not for this student", body: "b", createdAt: at(30) },
      ]);
    const { result, count } = await countQueries(() => latestAnnouncementsForStudent(testDb(), student, 5));
    expect(count).toBe(1);
    expect(result.map((item) => item.title)).toEqual(["Course 7 news", "Course 6 news", "Course 5 news", "Course 4 news", "Course 3 news"]);
    expect(result[0]!.course).toEqual({ id: many[7]!.id, slug: many[7]!.slug, title: expect.any(String) });
    expect(await latestAnnouncementsForStudent(testDb(), outsider, 5)).toEqual([]);
  });
});

describe("sanitising", () => {
  it("renders a body with <script> and javascript: links without them", async () => {
    const body = [
      "Read **this**.",
      "<script>alert('x')</script>",
      "[click](javascript:alert(1)) and <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">there</a>",
      "<img src=x onerror=alert(4)>",
    ].join("\n\n");
    const { announcementId } = await ok(teacher, postAnnouncementAction, { courseId: course.id, title: "Careful", body });
    const stored = await loadAnnouncement(testDb(), student, course.slug, announcementId);
    const html = renderMarkdown(stored!.body);
    expect(html).toContain("<strong>this</strong>");
    expect(html).not.toMatch(/<script|alert\('x'\)|javascript:|onclick|onerror/i);
  });
});
