// Sections in announcements, discussions and due-date overrides: an
// announcement to one section reaches and is readable by its members only; a
// section's thread is invisible to other students and moderated by its
// section teacher; a section's override is followed by quiz attempts, time
// limits, assignment lateness and the calendar, and a student's own override
// beats it. Runs on PGlite and PostgreSQL.
import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  assignments,
  auditLog,
  learningTasks,
  courseSections,
  notifications,
  quizAttempts,
  sectionMembers,
  sectionTeachers,
  sectionTaskOverrides,
  submissions,
  taskOverrides,
} from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { postAnnouncement } from "@/lib/announcements/commands";
import { latestAnnouncementsForStudent, listCourseAnnouncements, loadAnnouncement } from "@/lib/announcements/queries";
import { submitWork } from "@/lib/assignments/submit-work";
import type { CurrentUser } from "@/lib/auth/session-user";
import { calendarItemsFor } from "@/lib/calendar/calendar-items";
import { dueThisWeekForStudent } from "@/lib/calendar/due-this-week";
import { deletePost } from "@/lib/discussions/delete-post";
import { setThreadLocked } from "@/lib/discussions/moderate-thread";
import { listThreads, loadThread } from "@/lib/discussions/queries";
import { replyToThread } from "@/lib/discussions/reply-to-thread";
import { startThread } from "@/lib/discussions/start-thread";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { removeSectionOverrideCommand, saveSectionOverrideCommand } from "@/lib/pacing/section-override-commands";
import { saveOverride } from "@/lib/pacing/task-override-commands";
import { loadTakeableQuiz } from "@/lib/quizzes/taking/quiz-context";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { dueSoonJob } from "@/lib/worker/due-soon-job";
import { day, inTx, refusal } from "./assignment-fixtures";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const hour = 60 * 60 * 1000;
const deliverEvents = () => processPendingEvents(testDb(), notificationHandlers);
const drain = () => processPendingEvents(testDb(), {});

let teacher: CurrentUser;
let sectionTeacher: CurrentUser;
let a1: CurrentUser;
let a2: CurrentUser;
let b1: CurrentUser;
let course: CourseFixture;
let sectionA: string;
let sectionB: string;

async function section(name: string, members: CurrentUser[], teachers: CurrentUser[] = []) {
  const [row] = await testDb().insert(courseSections).values({ courseId: course.id, name }).returning({ id: courseSections.id });
  if (members.length) await testDb().insert(sectionMembers).values(members.map((m) => ({ sectionId: row!.id, userId: m.id })));
  if (teachers.length) await testDb().insert(sectionTeachers).values(teachers.map((t) => ({ sectionId: row!.id, userId: t.id })));
  return row!.id;
}

beforeEach(async () => {
  [teacher, sectionTeacher, a1, a2, b1] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("student"),
    createActor("student"),
    createActor("student"),
  ]);
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  for (const s of [a1, a2, b1]) await insertEnrollment(s.id, course.id);
  sectionA = await section("10A", [a1, a2], [sectionTeacher]);
  sectionB = await section("10B", [b1]);
  await drain();
});

const announce = (by: CurrentUser, input: Record<string, unknown>) =>
  executeAction(postAnnouncement, { courseId: course.id, title: "Trip", body: "Bring lunch.", ...input }, by);

describe("announcements to sections", () => {
  it("reach and are readable by the chosen section's members only; staff see all with the sections", async () => {
    const posted = await announce(teacher, { audience: "sections", sectionIds: [sectionA] });
    expect(posted.ok).toBe(true);
    const announcementId = posted.ok ? posted.data.announcementId : "";
    await announce(teacher, { title: "Whole course" });
    await deliverEvents();

    const told = await testDb().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.type, "announcement.posted"));
    const counts = new Map<string, number>();
    for (const row of told) counts.set(row.userId, (counts.get(row.userId) ?? 0) + 1);
    expect([counts.get(a1.id), counts.get(a2.id), counts.get(b1.id)]).toEqual([2, 2, 1]);

    expect(await loadAnnouncement(testDb(), a1, course.slug, announcementId)).toMatchObject({ sections: [{ id: sectionA, name: "10A" }] });
    expect(await loadAnnouncement(testDb(), b1, course.slug, announcementId)).toBeNull();
    expect((await listCourseAnnouncements(testDb(), b1, course.id, 1)).items.map((item) => item.title)).toEqual(["Whole course"]);
    expect((await latestAnnouncementsForStudent(testDb(), b1)).map((item) => item.title)).toEqual(["Whole course"]);
    const staffList = await listCourseAnnouncements(testDb(), teacher, course.id, 1);
    expect(staffList.total).toBe(2);
    expect(staffList.items.find((item) => item.id === announcementId)?.sections).toEqual([{ id: sectionA, name: "10A" }]);
  });

  it("lets a section teacher post to its sections only, never the whole course, with errors next to the field", async () => {
    expect(await announce(sectionTeacher, {})).toMatchObject({ ok: false, fieldErrors: { sectionIds: [expect.any(String)] } });
    expect(await announce(sectionTeacher, { audience: "sections", sectionIds: [sectionB] })).toMatchObject({
      ok: false,
      fieldErrors: { sectionIds: ["Choose only sections you teach."] },
    });
    expect(await announce(teacher, { audience: "sections", sectionIds: [] })).toMatchObject({ ok: false, fieldErrors: { sectionIds: [expect.any(String)] } });
    expect((await announce(sectionTeacher, { audience: "sections", sectionIds: [sectionA] })).ok).toBe(true);
    const outsider = await createActor("teacher");
    expect((await announce(outsider, { audience: "sections", sectionIds: [sectionA] })).ok).toBe(false);
  });

  it("posts to the whole course in the same statements as before sections", async () => {
    const { count, result } = await countQueries(() => announce(teacher, {}));
    expect(result.ok).toBe(true);
    expect(count).toBeLessThanOrEqual(7); // begin, mfa check, authorize, read, insert, event, commit
  });
});

describe("section threads", () => {
  it("are invisible to other students, visible to the section and its teacher, who moderates them", async () => {
    const started = await inTx((tx) => startThread(tx, a1, { courseId: course.id, sectionId: sectionA, title: "10A only", body: "Hi" }));
    await inTx((tx) => startThread(tx, b1, { courseId: course.id, title: "Everyone", body: "Hello" }));
    // A student opens threads only for its own sections.
    expect((await refusal(inTx((tx) => startThread(tx, b1, { courseId: course.id, sectionId: sectionA, title: "x", body: "y" })))).fieldErrors).toHaveProperty("sectionId");

    expect(await loadThread(testDb(), b1, course.slug, started.threadId)).toBeNull();
    expect((await listThreads(testDb(), b1, course.id)).threads.map((t) => t.title)).toEqual(["Everyone"]);
    expect(await refusal(inTx((tx) => replyToThread(tx, b1, { threadId: started.threadId, body: "peek" })))).toBeTruthy();

    const forA2 = await loadThread(testDb(), a2, course.slug, started.threadId);
    expect(forA2).toMatchObject({ thread: { section: { id: sectionA, name: "10A" } }, canModerate: false });
    const forTeacher = await loadThread(testDb(), sectionTeacher, course.slug, started.threadId);
    expect(forTeacher).toMatchObject({ canModerate: true, canReply: true });
    const staffFiltered = await listThreads(testDb(), sectionTeacher, course.id, { sectionId: sectionA });
    expect(staffFiltered.threads.map((t) => t.title)).toEqual(["10A only"]);

    await inTx((tx) => setThreadLocked(tx, sectionTeacher, { threadId: started.threadId, locked: true }));
    await inTx((tx) => deletePost(tx, sectionTeacher, started.postId));
    const removal = await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, started.postId), eq(auditLog.action, "discussion.post_removed")));
    expect(removal).toHaveLength(1);
    // The whole course's threads are read and answered by a section teacher, but moderated by the course's teacher.
    const everyone = (await listThreads(testDb(), sectionTeacher, course.id)).threads.find((t) => t.title === "Everyone")!;
    expect((await loadThread(testDb(), sectionTeacher, course.slug, everyone.id))?.canModerate).toBe(false);
    expect(await refusal(inTx((tx) => setThreadLocked(tx, sectionTeacher, { threadId: everyone.id, locked: true })))).toBeTruthy();
  });

  it("tells only followers who may still read the section's thread", async () => {
    const started = await inTx((tx) => startThread(tx, a1, { courseId: course.id, sectionId: sectionA, title: "10A", body: "Hi" }));
    await testDb().delete(sectionMembers).where(and(eq(sectionMembers.sectionId, sectionA), eq(sectionMembers.userId, a1.id)));
    await inTx((tx) => replyToThread(tx, sectionTeacher, { threadId: started.threadId, body: "Answer" }));
    await deliverEvents();
    expect(await testDb().select().from(notifications).where(and(eq(notifications.userId, a1.id), eq(notifications.type, "discussion.replied")))).toEqual([]);
  });
});

/** A published assignment of the course, due at `dueAt`, late work accepted. */
async function assignmentTask(target: CourseFixture, dueAt: Date): Promise<string> {
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: target.id, moduleId: target.moduleIds[0], type: "assignment", title: "Lab report", status: "published", dueAt, maxPoints: 20 })
    .returning();
  await testDb().insert(assignments).values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 1, textEntry: true, acceptLate: true });
  return task!.id;
}

const saveSection = (by: CurrentUser, input: Record<string, unknown>) => executeAction(saveSectionOverrideCommand, input, by);

describe("section overrides", () => {
  it("give the section's quiz attempts and time limit; the student's own override wins", async () => {
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { attemptsAllowed: 1, timeLimitMinutes: 10, dueAt: new Date(Date.now() + day) });
    expect(await saveSection(teacher, { taskId: quiz.taskId, sectionId: sectionA, attemptsAllowed: 3, timeLimitMinutes: 40 })).toMatchObject({ ok: true });
    expect(await saveSection(sectionTeacher, { taskId: quiz.taskId, sectionId: sectionA, attemptsAllowed: 9 })).toMatchObject({ ok: false });
    expect(await saveSection(teacher, { taskId: quiz.taskId, sectionId: "00000000-0000-4000-8000-000000000000", attemptsAllowed: 2 })).toMatchObject({
      ok: false,
      fieldErrors: { sectionId: [expect.any(String)] },
    });
    expect(await executeAction(saveOverride, { taskId: quiz.taskId, userId: a2.id, attemptsAllowed: 2 }, teacher)).toMatchObject({ ok: true });

    expect(await loadTakeableQuiz(testDb(), a1, quiz.taskId)).toMatchObject({ attemptsAllowed: 3, timeLimitMinutes: 40, attemptsOverridden: true });
    // a2's own attempts win; its section's time limit still fills the field it leaves empty.
    expect(await loadTakeableQuiz(testDb(), a2, quiz.taskId)).toMatchObject({ attemptsAllowed: 2, timeLimitMinutes: 40 });
    expect(await loadTakeableQuiz(testDb(), b1, quiz.taskId)).toMatchObject({ attemptsAllowed: 1, timeLimitMinutes: 10, attemptsOverridden: false });

    const now = new Date();
    const started = await inTx((tx) => startAttempt(tx, a1, quiz.taskId, { now }));
    const [attempt] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
    expect(attempt!.deadlineAt!.getTime()).toBe(now.getTime() + 40 * 60_000);

    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, quiz.taskId));
    expect(audit.map((row) => row.action)).toContain("task.section_override_saved");
    await deliverEvents();
    const told = await testDb().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.type, "task.deadline_changed"));
    expect(new Set(told.map((row) => row.userId))).toEqual(new Set([a1.id, a2.id]));
  });

  it("move an assignment's lateness for the section, and removing it re-marks the work", async () => {
    const taskId = await assignmentTask(course, new Date(Date.now() + hour));
    const later = new Date(Date.now() + 3 * hour);
    const sectionDue = new Date(Date.now() + 5 * hour);
    expect(await saveSection(teacher, { taskId, sectionId: sectionA, dueAt: sectionDue })).toMatchObject({ ok: true });
    expect(await inTx((tx) => submitWork(tx, a1, { taskId, text: "Done", fileIds: [] }, later))).toMatchObject({ isLate: false });
    expect(await inTx((tx) => submitWork(tx, b1, { taskId, text: "Done", fileIds: [] }, later))).toMatchObject({ isLate: true });

    expect(await executeAction(removeSectionOverrideCommand, { taskId, sectionId: sectionA }, teacher)).toMatchObject({ ok: true });
    const [work] = await testDb().select().from(submissions).where(and(eq(submissions.taskId, taskId), eq(submissions.userId, a1.id)));
    expect(work!.isLate).toBe(true);
    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, taskId));
    expect(audit.map((row) => row.action)).toEqual(["task.section_override_saved", "task.section_override_removed"]);
  });

  it("shows the section's date on the calendar and in due-this-week, the own date beating it, and reminds once for the section's date", async () => {
    const taskDue = new Date(Date.now() + 2 * day);
    const taskId = await assignmentTask(course, taskDue);
    const sectionDue = new Date(Date.now() + 20 * hour);
    await testDb().insert(sectionTaskOverrides).values([{ taskId, sectionId: sectionA, dueAt: sectionDue }]);
    const ownDue = new Date(Date.now() + 3 * day);
    await testDb().insert(taskOverrides).values({ taskId, userId: a2.id, dueAt: ownDue });

    const range = { from: new Date(Date.now() - day), to: new Date(Date.now() + 6 * day) };
    const dueOf = async (actor: CurrentUser) => (await calendarItemsFor(testDb(), actor, range)).find((item) => item.id === `due-${taskId}`)?.startsAt.getTime();
    expect(await dueOf(a1)).toBe(sectionDue.getTime());
    expect(await dueOf(a2)).toBe(ownDue.getTime());
    expect(await dueOf(b1)).toBe(taskDue.getTime());
    expect((await dueThisWeekForStudent(testDb(), a1)).find((item) => item.taskId === taskId)?.dueAt.getTime()).toBe(sectionDue.getTime());

    await dueSoonJob.run(testDb(), new Date());
    await dueSoonJob.run(testDb(), new Date());
    await deliverEvents();
    // Other tests' tasks may be due too: only this task's reminders count.
    const reminded = await testDb()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.type, "task.due_soon"), like(notifications.link, `%${taskId}`)));
    expect(reminded.map((row) => row.userId)).toEqual([a1.id]);
  });
});
