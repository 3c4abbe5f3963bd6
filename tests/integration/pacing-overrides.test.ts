// Per-student overrides (own due date, time limit, attempts): who may set them,
// what they accept, and that every deadline rule follows them: lateness and
// the late penalty, quiz attempts, deadlines and auto-submit, review after the
// due date, reminders (with release conditions), and the REST API.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  assignments,
  auditLog,
  domainEvents,
  learningTasks,
  lessonCompletions,
  notificationPreferences,
  notifications,
  quizAttempts,
  submissions,
  taskOverrides,
  taskOverrideReminders,
} from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { loadSubmissionForGrading } from "@/lib/assignments/grading-queries";
import { loadStudentAssignment } from "@/lib/assignments/student-queries";
import { submitWork } from "@/lib/assignments/submit-work";
import type { CurrentUser } from "@/lib/auth/session-user";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { loadOverridesOfStudent, loadOverridesOfTask } from "@/lib/pacing/task-overrides";
import { removeOverride, saveOverride } from "@/lib/pacing/task-override-commands";
import { closeExpiredAttempts } from "@/lib/quizzes/taking/close-expired-attempts";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { loadAttemptResult, loadQuizIntro } from "@/lib/quizzes/taking/student-queries";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { loadMyCourseDetail } from "@/lib/reports/student-course-detail";
import { dueSoonJob } from "@/lib/worker/due-soon-job";
import { callApi } from "./api/call-api";
import { buildWorld, type ApiWorld } from "./api/world";
import { day, inTx, refusal } from "./assignment-fixtures";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const hour = 60 * 60 * 1000;
const minute = 60 * 1000;
const drain = () => processPendingEvents(testDb(), {});
const deliverEvents = () => processPendingEvents(testDb(), notificationHandlers);

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let admin: CurrentUser;
let student: CurrentUser;
let classmate: CurrentUser;
let outsider: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, admin, student, classmate, outsider] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("admin"),
    createActor("student"),
    createActor("student"),
    createActor("student"),
  ]);
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  await insertEnrollment(classmate.id, course.id);
});

async function assignment(options: { dueAt: Date | null; acceptLate?: boolean; penalty?: number } = { dueAt: null }) {
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "assignment", title: "Lab report", status: "published", dueAt: options.dueAt, maxPoints: 20 })
    .returning();
  await testDb()
    .insert(assignments)
    .values({
      taskId: task!.id,
      allowedFileTypes: ["pdf"],
      maxFiles: 1,
      textEntry: true,
      acceptLate: options.acceptLate ?? false,
      latePenaltyType: options.penalty ? "flat" : "none",
      latePenaltyPercent: options.penalty ?? 0,
    });
  return task!.id;
}

const save = (by: CurrentUser, input: Record<string, unknown>) => executeAction(saveOverride, input, by);
const remove = (by: CurrentUser, input: { taskId: string; userId: string }) => executeAction(removeOverride, input, by);
const overrideOf = async (taskId: string, userId: string) =>
  (await testDb().select().from(taskOverrides).where(and(eq(taskOverrides.taskId, taskId), eq(taskOverrides.userId, userId))))[0] ?? null;

describe("saving and removing an override", () => {
  it("the course's teacher and admins may; another teacher and students read it as not found", async () => {
    const taskId = await assignment({ dueAt: new Date(Date.now() + day) });
    const dueAt = new Date(Date.now() + 3 * day);
    for (const by of [otherTeacher, student, outsider]) {
      expect(await save(by, { taskId, userId: student.id, dueAt })).toMatchObject({ ok: false, error: "This quiz or assignment does not exist or you do not teach its course." });
    }
    expect(await overrideOf(taskId, student.id)).toBeNull();
    expect(await save(teacher, { taskId, userId: student.id, dueAt })).toMatchObject({ ok: true, data: { taskId, userId: student.id, dueAt, created: true } });
    expect(await save(admin, { taskId, userId: classmate.id, dueAt })).toMatchObject({ ok: true, data: { created: true } });
    expect(await remove(otherTeacher, { taskId, userId: student.id })).toMatchObject({ ok: false });
    expect(await overrideOf(taskId, student.id)).not.toBeNull();
  });

  it("refuses bad input next to its field and changes nothing", async () => {
    const taskId = await assignment({ dueAt: new Date(Date.now() + day) });
    const quiz = await createQuiz(course.id, course.moduleIds[0]!);
    const future = new Date(Date.now() + 3 * day);
    const cases: [Record<string, unknown>, string][] = [
      [{ taskId, userId: student.id }, "dueAt"],
      [{ taskId, userId: student.id, dueAt: new Date(Date.now() - hour) }, "dueAt"],
      [{ taskId, userId: student.id, dueAt: "next week" }, "dueAt"],
      [{ taskId, userId: outsider.id, dueAt: future }, "userId"],
      [{ taskId, userId: teacher.id, dueAt: future }, "userId"],
      [{ taskId, userId: student.id, timeLimitMinutes: 30 }, "timeLimitMinutes"],
      [{ taskId, userId: student.id, attemptsAllowed: 2 }, "attemptsAllowed"],
      [{ taskId: quiz.taskId, userId: student.id, timeLimitMinutes: 0 }, "timeLimitMinutes"],
      [{ taskId: quiz.taskId, userId: student.id, attemptsAllowed: 101 }, "attemptsAllowed"],
    ];
    for (const [input, field] of cases) {
      const result = await save(teacher, input);
      expect(result.ok ? "saved" : Object.keys(result.fieldErrors)).toEqual([field]);
    }
    expect(await testDb().select().from(taskOverrides).where(inArray(taskOverrides.taskId, [taskId, quiz.taskId]))).toEqual([]);
    const [discussion] = await testDb()
      .insert(learningTasks)
      .values({ courseId: course.id, type: "discussion", title: "Talk", status: "published" })
      .returning();
    expect(await save(teacher, { taskId: discussion!.id, userId: student.id, dueAt: future })).toMatchObject({
      ok: false,
      error: "Overrides are for quizzes and assignments.",
    });
  });

  it("updates in place, keeps an unchanged past due date, audits each change and tells the student", async () => {
    const taskId = (await createQuiz(course.id, course.moduleIds[0]!, { dueAt: new Date(Date.now() + day) })).taskId;
    await drain();
    const dueAt = new Date(Date.now() + 2 * day);
    const first = await save(teacher, { taskId, userId: student.id, dueAt, attemptsAllowed: 3 });
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    // A due date that has passed since may stay while the rest changes.
    const past = new Date(Date.now() - hour);
    await testDb().update(taskOverrides).set({ dueAt: past }).where(eq(taskOverrides.taskId, taskId));
    const second = await save(teacher, { taskId, userId: student.id, dueAt: past, attemptsAllowed: 4, timeLimitMinutes: 45 });
    expect(second).toMatchObject({ ok: true, data: { created: false, attemptsAllowed: 4, timeLimitMinutes: 45 } });
    expect(first.ok && second.ok && first.data.id === second.data.id).toBe(true);
    expect(await testDb().select().from(taskOverrides).where(eq(taskOverrides.taskId, taskId))).toHaveLength(1);

    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, taskId));
    expect(audit.map((row) => row.action)).toEqual(["task.override_saved", "task.override_saved"]);
    expect(audit[1]).toMatchObject({
      actorId: teacher.id,
      entityType: "learning_task",
      before: { userId: student.id, dueAt: past.toISOString(), attemptsAllowed: 3, timeLimitMinutes: null },
      after: { userId: student.id, dueAt: past.toISOString(), attemptsAllowed: 4, timeLimitMinutes: 45 },
    });

    await deliverEvents();
    const told = await testDb().select().from(notifications).where(eq(notifications.userId, student.id));
    expect(told).toHaveLength(2);
    expect(told.every((row) => row.type === "task.deadline_changed")).toBe(true);
    expect(told.map((row) => row.message).sort()[0]).toContain("45 min time limit · 4 attempts");
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, classmate.id))).toEqual([]);

    expect(await remove(teacher, { taskId, userId: student.id })).toMatchObject({ ok: true });
    expect(await overrideOf(taskId, student.id)).toBeNull();
    expect(await remove(teacher, { taskId, userId: student.id })).toMatchObject({ ok: false, error: "This student has no override on this quiz or assignment." });
    const removal = (await testDb().select().from(auditLog).where(and(eq(auditLog.entityId, taskId), eq(auditLog.action, "task.override_removed"))))[0];
    expect(removal).toMatchObject({ before: { userId: student.id, attemptsAllowed: 4, timeLimitMinutes: 45 } });
    await deliverEvents();
    const afterRemoval = await testDb().select().from(notifications).where(eq(notifications.userId, student.id));
    expect(afterRemoval.map((row) => row.title)).toContain("Your extension was removed: Fixture quiz");
  });

  it("respects the student's choice for the Extensions notifications", async () => {
    const taskId = await assignment({ dueAt: new Date(Date.now() + day) });
    await drain();
    await testDb().insert(notificationPreferences).values({ userId: student.id, type: "task.deadline_changed", inApp: false, email: false });
    expect(await save(teacher, { taskId, userId: student.id, dueAt: new Date(Date.now() + 2 * day) })).toMatchObject({ ok: true });
    expect(await save(teacher, { taskId, userId: classmate.id, dueAt: new Date(Date.now() + 2 * day) })).toMatchObject({ ok: true });
    await deliverEvents();
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, student.id))).toEqual([]);
    expect(await testDb().select().from(notifications).where(eq(notifications.userId, classmate.id))).toHaveLength(1);
  });
});

describe("the override loaders", () => {
  it("read one student's overrides of many tasks, or one task's of many students, in one statement each", async () => {
    const [first, second] = [await assignment({ dueAt: null }), await assignment({ dueAt: null })];
    const dueAt = new Date(Date.now() + 2 * day);
    await save(teacher, { taskId: first, userId: student.id, dueAt });
    await save(teacher, { taskId: second, userId: student.id, dueAt });
    await save(teacher, { taskId: first, userId: classmate.id, dueAt });
    const ofStudent = await countQueries(() => loadOverridesOfStudent(testDb(), [first, second, first], student.id));
    expect(ofStudent.count).toBe(1);
    expect([...ofStudent.result.keys()].sort()).toEqual([first, second].sort());
    const ofTask = await countQueries(() => loadOverridesOfTask(testDb(), first, [student.id, classmate.id, outsider.id]));
    expect(ofTask.count).toBe(1);
    expect([...ofTask.result.keys()].sort()).toEqual([student.id, classmate.id].sort());
    expect(ofTask.result.get(student.id)).toMatchObject({ taskId: first, userId: student.id, dueAt, timeLimitMinutes: null });
    expect((await loadOverridesOfTask(testDb(), second)).size).toBe(1);
    expect((await countQueries(() => loadOverridesOfStudent(testDb(), [], student.id))).count).toBe(0);
  });
});

describe("assignments follow the student's due date", () => {
  it("work handed in after the task's due date but before the student's own is on time, and takes no penalty", async () => {
    const now = new Date();
    const taskId = await assignment({ dueAt: new Date(now.getTime() + hour), acceptLate: true, penalty: 10 });
    await save(teacher, { taskId, userId: student.id, dueAt: new Date(now.getTime() + 3 * day) });
    const later = new Date(now.getTime() + 2 * day);
    const own = await inTx((tx) => submitWork(tx, student, { taskId, text: "Done", fileIds: [] }, later));
    const other = await inTx((tx) => submitWork(tx, classmate, { taskId, text: "Done", fileIds: [] }, later));
    expect(own).toMatchObject({ isLate: false, daysLate: 0 });
    expect(other).toMatchObject({ isLate: true, daysLate: 2 });

    const page = await loadStudentAssignment(testDb(), student, course.slug, taskId, later);
    expect(page).toMatchObject({ dueAtOverridden: true, window: "open", dueAt: new Date(now.getTime() + 3 * day) });
    const grading = await loadSubmissionForGrading(testDb(), teacher, own.submissionId);
    expect(grading).toMatchObject({ isLate: false, penaltyPercent: 0, assignment: { dueAtOverridden: true } });

    const graded = await inTx((tx) => gradeSubmission(tx, teacher, { submissionId: own.submissionId, revision: 1, points: 20, feedback: "", release: true }));
    const gradedOther = await inTx((tx) =>
      gradeSubmission(tx, teacher, { submissionId: other.submissionId, revision: 1, points: 20, feedback: "", release: true }),
    );
    expect(graded).toMatchObject({ penaltyPercent: 0, points: 20 });
    expect(gradedOther).toMatchObject({ penaltyPercent: 10, points: 18 });
  });

  it("an extension given after a late hand-in marks it on time, and removing it marks it late again", async () => {
    const now = new Date();
    const taskId = await assignment({ dueAt: new Date(now.getTime() + hour), acceptLate: true, penalty: 10 });
    const late = await inTx((tx) => submitWork(tx, student, { taskId, text: "Late", fileIds: [] }, new Date(now.getTime() + 2 * hour)));
    expect(late.isLate).toBe(true);
    await save(teacher, { taskId, userId: student.id, dueAt: new Date(now.getTime() + day) });
    const [row] = await testDb().select().from(submissions).where(eq(submissions.id, late.submissionId));
    expect(row).toMatchObject({ isLate: false, daysLate: 0 });
    expect(await loadSubmissionForGrading(testDb(), teacher, late.submissionId)).toMatchObject({ isLate: false, penaltyPercent: 0 });
    await remove(teacher, { taskId, userId: student.id });
    const [again] = await testDb().select().from(submissions).where(eq(submissions.id, late.submissionId));
    expect(again).toMatchObject({ isLate: true, daysLate: 1 });
  });

  it("an assignment closed to late work takes the student's work until its own due date", async () => {
    const now = new Date();
    const taskId = await assignment({ dueAt: new Date(now.getTime() + hour), acceptLate: false });
    await save(teacher, { taskId, userId: student.id, dueAt: new Date(now.getTime() + day) });
    const later = new Date(now.getTime() + 2 * hour);
    expect(await inTx((tx) => submitWork(tx, student, { taskId, text: "In time", fileIds: [] }, later))).toMatchObject({ isLate: false });
    expect((await refusal(inTx((tx) => submitWork(tx, classmate, { taskId, text: "Too late", fileIds: [] }, later)))).userMessage).toBe(
      "The due date has passed and this assignment does not take late work.",
    );
  });

  it("the student's course progress page shows its own due date", async () => {
    const dueAt = new Date(Date.now() + 3 * day);
    const taskId = await assignment({ dueAt: new Date(Date.now() + day) });
    await save(teacher, { taskId, userId: student.id, dueAt });
    const detail = await loadMyCourseDetail(testDb(), student, course.slug);
    expect(detail?.assignments.find((row) => row.taskId === taskId)).toMatchObject({ dueAt, dueAtOverridden: true });
    const ofClassmate = await loadMyCourseDetail(testDb(), classmate, course.slug);
    expect(ofClassmate?.assignments.find((row) => row.taskId === taskId)).toMatchObject({ dueAtOverridden: false });
  });
});

describe("quizzes follow the student's attempts, time limit and due date", () => {
  it("attempts, the time limit and the due cap of a new attempt are the student's own", async () => {
    const now = new Date();
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { dueAt: new Date(now.getTime() + hour), timeLimitMinutes: 10, attemptsAllowed: 1 });
    await save(teacher, { taskId: quiz.taskId, userId: student.id, dueAt: new Date(now.getTime() + 2 * day), timeLimitMinutes: 90, attemptsAllowed: 2 });

    const intro = await loadQuizIntro(testDb(), student, { taskId: quiz.taskId, now });
    expect(intro?.quiz).toMatchObject({ timeLimitMinutes: 90, attemptsAllowed: 2, dueAtOverridden: true, timeLimitOverridden: true, attemptsOverridden: true });
    expect(intro?.attemptsLeft).toBe(2);

    const first = await inTx((tx) => startAttempt(tx, student, quiz.taskId, { now }));
    const [stored] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, first.attemptId));
    // 90 minutes, past the quiz's own due date (in an hour), which no longer caps it.
    expect(stored!.deadlineAt).toEqual(new Date(now.getTime() + 90 * minute));
    const mate = await inTx((tx) => startAttempt(tx, classmate, quiz.taskId, { now }));
    const [mateRow] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, mate.attemptId));
    expect(mateRow!.deadlineAt).toEqual(new Date(now.getTime() + 10 * minute));

    // After the quiz's due date: the student may still start its second attempt; the classmate may not start again.
    const afterDue = new Date(now.getTime() + 2 * hour);
    await inTx((tx) => submitAttempt(tx, student, first.attemptId, { now: new Date(now.getTime() + 5 * minute) }));
    expect(await inTx((tx) => startAttempt(tx, student, quiz.taskId, { now: afterDue }))).toMatchObject({ attemptNumber: 2, created: true });
    await testDb().update(quizAttempts).set({ status: "submitted", submittedAt: afterDue }).where(eq(quizAttempts.userId, student.id));
    expect((await refusal(inTx((tx) => startAttempt(tx, student, quiz.taskId, { now: afterDue })))).userMessage).toBe(
      "You have used all 2 attempts at this quiz.",
    );
    await inTx((tx) => submitAttempt(tx, classmate, mate.attemptId, { now: new Date(now.getTime() + 5 * minute) }));
    expect(await save(teacher, { taskId: quiz.taskId, userId: classmate.id, attemptsAllowed: 5 })).toMatchObject({ ok: true });
    expect((await refusal(inTx((tx) => startAttempt(tx, classmate, quiz.taskId, { now: afterDue })))).userMessage).toBe(
      "This quiz was due already; it takes no new attempts.",
    );
  });

  it("the student's own due date caps its attempt, and auto-submit closes it at that deadline", async () => {
    const now = new Date();
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { dueAt: new Date(now.getTime() + day), timeLimitMinutes: null, attemptsAllowed: null });
    const ownDue = new Date(now.getTime() + 30 * minute);
    await save(teacher, { taskId: quiz.taskId, userId: student.id, dueAt: ownDue });
    const started = await inTx((tx) => startAttempt(tx, student, quiz.taskId, { now }));
    const mate = await inTx((tx) => startAttempt(tx, classmate, quiz.taskId, { now }));
    const closed = await closeExpiredAttempts(testDb(), { taskId: quiz.taskId, now: new Date(now.getTime() + 31 * minute) });
    expect(closed.map((attempt) => attempt.id)).toEqual([started.attemptId]);
    const [row] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
    expect(row).toMatchObject({ status: "submitted", submittedAt: ownDue });
    const [mateRow] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, mate.attemptId));
    expect(mateRow!.status).toBe("in_progress");
  });

  it("an override saved during an attempt moves that attempt's deadline", async () => {
    const now = new Date();
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { timeLimitMinutes: 10, attemptsAllowed: null });
    const startedAt = new Date(now.getTime() - 5 * minute);
    const started = await inTx((tx) => startAttempt(tx, student, quiz.taskId, { now: startedAt }));
    await save(teacher, { taskId: quiz.taskId, userId: student.id, timeLimitMinutes: 30 });
    const [row] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
    expect(row!.deadlineAt).toEqual(new Date(startedAt.getTime() + 30 * minute));
    expect(await closeExpiredAttempts(testDb(), { taskId: quiz.taskId, now: new Date(startedAt.getTime() + 11 * minute) })).toEqual([]);
    await remove(teacher, { taskId: quiz.taskId, userId: student.id });
    const [back] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
    expect(back!.deadlineAt).toEqual(new Date(startedAt.getTime() + 10 * minute));
  });

  it("a review shown after the due date waits for the student's own due date", async () => {
    const now = new Date();
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { dueAt: new Date(now.getTime() + hour), reviewPolicy: "after_due", timeLimitMinutes: null, attemptsAllowed: null });
    await save(teacher, { taskId: quiz.taskId, userId: student.id, dueAt: new Date(now.getTime() + 3 * hour) });
    const own = await inTx((tx) => startAttempt(tx, student, quiz.taskId, { now }));
    const mate = await inTx((tx) => startAttempt(tx, classmate, quiz.taskId, { now }));
    await inTx((tx) => submitAttempt(tx, student, own.attemptId, { now }));
    await inTx((tx) => submitAttempt(tx, classmate, mate.attemptId, { now }));
    const between = new Date(now.getTime() + 2 * hour);
    const ownResult = await loadAttemptResult(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId: own.attemptId, now: between });
    const mateResult = await loadAttemptResult(testDb(), classmate, { slug: course.slug, taskId: quiz.taskId, attemptId: mate.attemptId, now: between });
    expect(ownResult?.review.allowed).toBe(false);
    expect(mateResult?.review.allowed).toBe(true);
    const afterOwn = await loadAttemptResult(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId: own.attemptId, now: new Date(now.getTime() + 4 * hour) });
    expect(afterOwn?.review.allowed).toBe(true);
  });
});

describe("reminders follow overrides and release conditions", () => {
  beforeEach(async () => {
    await drain();
    // Other tests' tasks are not this test's business.
    await testDb().update(learningTasks).set({ status: "archived" });
  });

  it("students with their own due date are reminded at it, once; a student the task is not open to is not reminded", async () => {
    const now = new Date();
    const [late, locked] = [await createActor("student"), await createActor("student")];
    await insertEnrollment(late.id, course.id);
    await insertEnrollment(locked.id, course.id);
    const taskId = await assignment({ dueAt: new Date(now.getTime() + 2 * hour) });
    // Open once the course's lesson is done: everyone but `locked` has done it.
    await testDb()
      .update(learningTasks)
      .set({ releaseRule: { match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: course.lessonIds[0]! } }] } })
      .where(eq(learningTasks.id, taskId));
    await testDb().insert(lessonCompletions).values([student, classmate, late].map((who) => ({ userId: who.id, lessonId: course.lessonIds[0]! })));
    await save(teacher, { taskId, userId: student.id, dueAt: new Date(now.getTime() + 5 * hour) });
    await save(teacher, { taskId, userId: late.id, dueAt: new Date(now.getTime() + 30 * hour) });
    await drain();

    const { result, count } = await countQueries(() => dueSoonJob.run(testDb(), now));
    expect(result).toBe(2); // the task's date and `student`'s own
    expect(count).toBeLessThanOrEqual(6); // begin, two claims, publish (events, queue), commit
    expect(await dueSoonJob.run(testDb(), new Date(now.getTime() + minute))).toBe(0);
    await deliverEvents();

    const told = await testDb()
      .select()
      .from(notifications)
      .where(inArray(notifications.userId, [student.id, classmate.id, late.id, locked.id]));
    expect(told.map((row) => [row.userId, row.type]).sort()).toEqual(
      [
        [student.id, "task.due_soon"],
        [classmate.id, "task.due_soon"],
      ].sort(),
    );
    expect(told.find((row) => row.userId === student.id)!.message).toContain("(your own due date)");

    // Later, `late`'s own date comes within 24 hours; a moved override date is claimed again.
    const later = new Date(now.getTime() + 7 * hour);
    expect(await dueSoonJob.run(testDb(), later)).toBe(1);
    await save(teacher, { taskId, userId: student.id, dueAt: new Date(now.getTime() + 9 * hour) });
    expect(await dueSoonJob.run(testDb(), later)).toBe(1);
    expect(await testDb().select().from(taskOverrideReminders).where(inArray(taskOverrideReminders.overrideId, [(await overrideOf(taskId, student.id))!.id]))).toHaveLength(2);
    await deliverEvents();
    const lateTold = await testDb().select().from(notifications).where(and(eq(notifications.userId, late.id), eq(notifications.type, "task.due_soon")));
    expect(lateTold).toHaveLength(1);
  });

  it("an override's reminder skips a student who finished the task or cannot open it", async () => {
    const now = new Date();
    const taskId = await assignment({ dueAt: null });
    await save(teacher, { taskId, userId: student.id, dueAt: new Date(now.getTime() + 3 * hour) });
    await save(teacher, { taskId, userId: classmate.id, dueAt: new Date(now.getTime() + 3 * hour) });
    await inTx((tx) => submitWork(tx, classmate, { taskId, text: "Done", fileIds: [] }, now));
    await testDb()
      .update(learningTasks)
      .set({ releaseRule: { match: "all", conditions: [{ kind: "date", opensAt: new Date(now.getTime() + day).toISOString() }] } })
      .where(eq(learningTasks.id, taskId));
    await drain();
    expect(await dueSoonJob.run(testDb(), now)).toBe(2);
    await deliverEvents();
    expect(await testDb().select().from(notifications).where(inArray(notifications.userId, [student.id, classmate.id]))).toEqual([]);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.type, "task.override_due_soon"))).not.toHaveLength(0);
  });
});

describe("the REST API", () => {
  let world: ApiWorld;
  beforeAll(async () => {
    process.env.API_RATE_LIMIT_PER_IP = "1000000";
    process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
    world = await buildWorld();
  });

  it("the teacher puts, lists and deletes; the student sees its own due date on the quiz and the task list", async () => {
    const taskId = world.course.quiz.taskId;
    const path = `/api/v1/tasks/${taskId}/overrides/${world.student.id}`;
    const dueAt = new Date(Date.now() + 5 * day).toISOString();
    const put = await callApi({ method: "PUT", path, token: world.teacher.token, body: { dueAt, attemptsAllowed: 4 } });
    expect(put).toMatchObject({ status: 200, body: { student: { id: world.student.id }, dueAt, attemptsAllowed: 4, timeLimitMinutes: null } });
    const bad = await callApi({ method: "PUT", path, token: world.teacher.token, body: { timeLimitMinutes: 5000 } });
    expect(bad).toMatchObject({ status: 422, body: { errors: { timeLimitMinutes: [expect.any(String)] } } });
    expect((await callApi({ method: "PUT", path, token: world.teacher.token, body: { attemptsAllowed: 2, userId: world.otherStudent.id } })).status).toBe(422);
    expect((await callApi({ method: "PUT", path, token: world.student.token, body: { attemptsAllowed: 9 } })).status).toBe(404);

    const list = await callApi({ path: `/api/v1/tasks/${taskId}/overrides`, token: world.teacher.token });
    expect(list).toMatchObject({ status: 200, body: { data: [{ student: { id: world.student.id }, attemptsAllowed: 4 }], next: null } });
    expect((await callApi({ path: `/api/v1/tasks/${taskId}/overrides`, token: world.student.token })).status).toBe(404);

    const quiz = await callApi({ path: `/api/v1/quizzes/${taskId}`, token: world.student.token });
    expect(quiz.body).toMatchObject({ dueAt, dueAtOverridden: true, attemptsAllowed: 4, attemptsOverridden: true });
    const other = await callApi({ path: `/api/v1/quizzes/${taskId}`, token: world.otherStudent.token });
    expect(other.body).toMatchObject({ dueAtOverridden: false, attemptsOverridden: false });
    const tasks = await callApi({ path: `/api/v1/courses/${world.course.id}/tasks?type=quiz`, token: world.student.token });
    expect(tasks.body.data.find((task: { id: string }) => task.id === taskId)).toMatchObject({ dueAt, dueAtOverridden: true });

    expect(await callApi({ method: "DELETE", path, token: world.teacher.token })).toMatchObject({ status: 200, body: { taskId, userId: world.student.id } });
    expect((await callApi({ method: "DELETE", path, token: world.teacher.token })).status).toBe(404);
  });
});
