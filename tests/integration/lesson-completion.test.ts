import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { domainEvents, enrollments, learningTasks, lessonCompletions, lessons, taskProgress, users } from "@/db/schema";
import { ActionFailure } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { completeLesson } from "@/lib/progress/complete-lesson";
import { recomputeEnrollmentProgress, recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import {
  completionsOf,
  createActor,
  createCourse,
  enrollmentOf,
  eventsOf,
  insertEnrollment,
  type CourseFixture,
} from "./learning-fixtures";
import { testDb } from "./helpers";

let teacher: Actor;

beforeAll(async () => {
  teacher = await createActor("teacher");
});

const complete = (actor: Actor, lessonId: string) => testDb().transaction((tx) => completeLesson(tx, actor, lessonId));

/** A course and a freshly enrolled student (0% done). */
async function enrolledStudent(options: Parameters<typeof createCourse>[1] = {}) {
  const course = await createCourse(teacher.id, options);
  const student = await createActor();
  const enrollment = await insertEnrollment(student.id, course.id);
  return { course, student, enrollment };
}

async function expectRefusedWithoutWrites(actor: Actor, course: CourseFixture, lessonId: string) {
  const [enrollmentBefore] = await enrollmentOf(actor.id, course.id);
  const eventsBefore = await testDb().select().from(domainEvents).where(eq(domainEvents.actorId, actor.id));
  const error = await complete(actor, lessonId).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  expect((error as ActionFailure).userMessage).toBe("This lesson does not exist or you are not enrolled in its course.");
  expect(await completionsOf(actor.id)).toEqual([]);
  expect(await testDb().select().from(domainEvents).where(eq(domainEvents.actorId, actor.id))).toEqual(eventsBefore);
  const [enrollmentAfter] = await enrollmentOf(actor.id, course.id);
  expect(enrollmentAfter).toEqual(enrollmentBefore);
}

describe("completeLesson", () => {
  it("records one completion when the same lesson is completed 10 times in parallel", async () => {
    const { course, student } = await enrolledStudent({ modules: 2, lessonsPerModule: 2 });
    const lessonId = course.lessonIds[1]!;
    const results = await Promise.all(Array.from({ length: 10 }, () => complete(student, lessonId)));
    expect(results.filter((result) => result.newlyCompleted)).toHaveLength(1);
    expect(results.every((result) => result.percent === 25 && result.completed === 1 && result.required === 4)).toBe(true);
    expect(await completionsOf(student.id)).toHaveLength(1);
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ status: "active", progressPercent: 25, completedAt: null });
  });

  it("completing every lesson of a course in parallel ends at 100%, completed, with one enrollment.completed event", async () => {
    const { course, student, enrollment } = await enrolledStudent({ modules: 2, lessonsPerModule: 3 });
    expect(course.lessonIds).toHaveLength(6);
    const results = await Promise.all(course.lessonIds.map((lessonId) => complete(student, lessonId)));
    expect(results.every((result) => result.newlyCompleted)).toBe(true);
    // Serialised by the row lock: each saw the ones before it, so the counts are 1..6.
    expect(results.map((result) => result.completed).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.filter((result) => result.courseStatus === "completed")).toHaveLength(1);

    expect(await completionsOf(student.id)).toHaveLength(6);
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ id: enrollment.id, status: "completed", progressPercent: 100 });
    expect(row!.completedAt).toBeInstanceOf(Date);
    const completed = await eventsOf("enrollment.completed", enrollment.id);
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      aggregateType: "enrollment",
      actorId: student.id,
      payload: { userId: student.id, courseId: course.id },
    });
  });

  it("is idempotent: completing twice changes nothing the second time", async () => {
    const { course, student } = await enrolledStudent({ modules: 1, lessonsPerModule: 3 });
    const first = await complete(student, course.lessonIds[0]!);
    expect(first).toEqual({
      courseId: course.id,
      slug: course.slug,
      newlyCompleted: true,
      percent: 33.33,
      completed: 1,
      required: 3,
      courseStatus: "active",
    });
    const second = await complete(student, course.lessonIds[0]!);
    expect(second).toEqual({ ...first, newlyCompleted: false });
    expect(await completionsOf(student.id)).toHaveLength(1);
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row!.progressPercent).toBe(33.33);
  });

  it("does not publish enrollment.completed again when an already completed course's lesson is completed again", async () => {
    const { course, student, enrollment } = await enrolledStudent({ modules: 1, lessonsPerModule: 1 });
    expect(await complete(student, course.lessonIds[0]!)).toMatchObject({ courseStatus: "completed", percent: 100 });
    expect(await complete(student, course.lessonIds[0]!)).toMatchObject({ courseStatus: "completed", newlyCompleted: false });
    expect(await eventsOf("enrollment.completed", enrollment.id)).toHaveLength(1);
  });

  it("updates lastActivityAt", async () => {
    const { course, student, enrollment } = await enrolledStudent({ modules: 1, lessonsPerModule: 2 });
    const old = new Date("2024-01-01T00:00:00Z");
    await testDb().update(enrollments).set({ lastActivityAt: old }).where(eq(enrollments.id, enrollment.id));
    const startedAt = Date.now();
    await complete(student, course.lessonIds[0]!);
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row!.lastActivityAt.getTime()).toBeGreaterThan(old.getTime());
    expect(row!.lastActivityAt.getTime()).toBeGreaterThanOrEqual(startedAt - 5_000);
  });
});

describe("status follows the course's items", () => {
  it("completing the last item completes the course; a new lesson brings it back to active", async () => {
    const { course, student, enrollment } = await enrolledStudent({ modules: 1, lessonsPerModule: 2 });
    expect(await complete(student, course.lessonIds[0]!)).toMatchObject({ courseStatus: "active", percent: 50 });
    expect(await complete(student, course.lessonIds[1]!)).toMatchObject({ courseStatus: "completed", percent: 100 });
    let [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ status: "completed", progressPercent: 100 });
    const completedAt = row!.completedAt;
    expect(completedAt).toBeInstanceOf(Date);

    // Recomputing with nothing changed keeps the completion date.
    await recomputeProgress(testDb(), { courseId: course.id });
    [row] = await enrollmentOf(student.id, course.id);
    expect(row!.completedAt).toEqual(completedAt);

    // The teacher adds a lesson.
    const [added] = await testDb()
      .insert(lessons)
      .values({ moduleId: course.moduleIds[0]!, title: "Added later", position: 2 })
      .returning({ id: lessons.id });
    const recomputed = await recomputeProgress(testDb(), { courseId: course.id });
    expect(recomputed).toEqual([
      { enrollmentId: enrollment.id, userId: student.id, required: 3, completed: 2, percent: 66.67, status: "active", justCompleted: false },
    ]);
    [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ id: enrollment.id, status: "active", progressPercent: 66.67, completedAt: null });

    // Completing the new lesson completes the course again, with a second event.
    expect(await complete(student, added!.id)).toMatchObject({ courseStatus: "completed", percent: 100 });
    expect(await eventsOf("enrollment.completed", enrollment.id)).toHaveLength(2);
  });

  it("a recompute that only corrects the stored percent keeps the completion date", async () => {
    const { course, student, enrollment } = await enrolledStudent({ modules: 1, lessonsPerModule: 1 });
    await complete(student, course.lessonIds[0]!);
    const completedAt = new Date("2025-03-01T10:00:00Z");
    await testDb().update(enrollments).set({ completedAt, progressPercent: 99 }).where(eq(enrollments.id, enrollment.id));
    await recomputeProgress(testDb(), { courseId: course.id });
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ status: "completed", progressPercent: 100, completedAt });
  });

  it("recomputes every enrolment of a course at once, leaving dropped and suspended ones as they are", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const done = await createActor();
    const half = await createActor();
    const dropped = await createActor();
    const suspended = await createActor();
    await insertEnrollment(done.id, course.id);
    await insertEnrollment(half.id, course.id);
    await insertEnrollment(dropped.id, course.id, "dropped");
    await insertEnrollment(suspended.id, course.id, "suspended");
    await testDb()
      .insert(lessonCompletions)
      .values([
        ...course.lessonIds.map((lessonId) => ({ userId: done.id, lessonId })),
        { userId: half.id, lessonId: course.lessonIds[0]! },
        ...course.lessonIds.map((lessonId) => ({ userId: dropped.id, lessonId })),
        ...course.lessonIds.map((lessonId) => ({ userId: suspended.id, lessonId })),
      ]);
    const results = await recomputeProgress(testDb(), { courseId: course.id });
    const byUser = new Map(results.map((result) => [result.userId, result]));
    expect(byUser.get(done.id)).toMatchObject({ status: "completed", percent: 100, justCompleted: true });
    expect(byUser.get(half.id)).toMatchObject({ status: "active", percent: 50, justCompleted: false });
    expect(byUser.get(dropped.id)).toMatchObject({ status: "dropped", percent: 100, justCompleted: false });
    expect(byUser.get(suspended.id)).toMatchObject({ status: "suspended", percent: 100, justCompleted: false });
    const [droppedRow] = await enrollmentOf(dropped.id, course.id);
    expect(droppedRow).toMatchObject({ status: "dropped", completedAt: null });
    expect(await recomputeEnrollmentProgress(testDb(), half.id, course.id)).toEqual({
      required: 2,
      completed: 1,
      percent: 50,
      status: "active",
    });
    expect(await recomputeEnrollmentProgress(testDb(), teacher.id, course.id)).toBeNull();
  });

  it("a lesson completion in another course does not count", async () => {
    const { course, student } = await enrolledStudent({ modules: 1, lessonsPerModule: 2 });
    const other = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    await insertEnrollment(student.id, other.id);
    await complete(student, other.lessonIds[0]!);
    await complete(student, other.lessonIds[1]!);
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ status: "active", progressPercent: 0 });
    expect(await recomputeEnrollmentProgress(testDb(), student.id, course.id)).toMatchObject({ completed: 0, required: 2 });
  });

  it("a published learning task counts as a required item; a draft one does not", async () => {
    const { course, student } = await enrolledStudent({ modules: 1, lessonsPerModule: 2 });
    await complete(student, course.lessonIds[0]!);
    await complete(student, course.lessonIds[1]!);
    expect((await enrollmentOf(student.id, course.id))[0]).toMatchObject({ status: "completed", progressPercent: 100 });

    const [task] = await testDb()
      .insert(learningTasks)
      .values({ courseId: course.id, moduleId: course.moduleIds[0]!, type: "quiz", title: "Check-up", status: "draft" })
      .returning({ id: learningTasks.id });
    await recomputeProgress(testDb(), { courseId: course.id });
    expect((await enrollmentOf(student.id, course.id))[0]).toMatchObject({ status: "completed", progressPercent: 100 });

    await testDb().update(learningTasks).set({ status: "published" }).where(eq(learningTasks.id, task!.id));
    await recomputeProgress(testDb(), { courseId: course.id });
    expect((await enrollmentOf(student.id, course.id))[0]).toMatchObject({
      status: "active",
      progressPercent: 66.67,
      completedAt: null,
    });

    // Work submitted but not yet completed does not count; completed (or graded) does.
    await testDb().insert(taskProgress).values({ userId: student.id, taskId: task!.id, status: "submitted" });
    await recomputeProgress(testDb(), { courseId: course.id, userId: student.id });
    expect((await enrollmentOf(student.id, course.id))[0]!.progressPercent).toBe(66.67);
    await testDb()
      .update(taskProgress)
      .set({ status: "graded", completedAt: new Date() })
      .where(and(eq(taskProgress.userId, student.id), eq(taskProgress.taskId, task!.id)));
    await recomputeProgress(testDb(), { courseId: course.id, userId: student.id });
    expect((await enrollmentOf(student.id, course.id))[0]).toMatchObject({ status: "completed", progressPercent: 100 });

    // Archiving the task removes it from the required items again.
    await testDb().update(learningTasks).set({ status: "archived" }).where(eq(learningTasks.id, task!.id));
    expect(await recomputeEnrollmentProgress(testDb(), student.id, course.id)).toMatchObject({ required: 2, completed: 2, percent: 100 });
  });
});

describe("who may complete a lesson", () => {
  it("a student not enrolled is refused and nothing is written", async () => {
    const course = await createCourse(teacher.id);
    const stranger = await createActor();
    await expectRefusedWithoutWrites(stranger, course, course.lessonIds[0]!);
  });

  it("a dropped student is refused and nothing is written", async () => {
    const course = await createCourse(teacher.id);
    const student = await createActor();
    await insertEnrollment(student.id, course.id, "dropped");
    await expectRefusedWithoutWrites(student, course, course.lessonIds[0]!);
  });

  it("a suspended student is refused", async () => {
    const course = await createCourse(teacher.id);
    const student = await createActor();
    await insertEnrollment(student.id, course.id, "suspended");
    await expectRefusedWithoutWrites(student, course, course.lessonIds[0]!);
  });

  it("the course's teacher and an admin are refused and nothing is written", async () => {
    const course = await createCourse(teacher.id);
    const admin = await createActor("admin");
    await expectRefusedWithoutWrites(teacher, course, course.lessonIds[0]!);
    await expectRefusedWithoutWrites(admin, course, course.lessonIds[0]!);
  });

  it("a student turned teacher or admin keeps no right to complete through its old enrolment row", async () => {
    for (const role of ["teacher", "admin"] as const) {
      const { course, student } = await enrolledStudent();
      await testDb().update(users).set({ role }).where(eq(users.id, student.id));
      await expectRefusedWithoutWrites({ id: student.id, role }, course, course.lessonIds[0]!);
    }
  });

  it("an enrolled student of a course turned back to draft is refused; of an archived course may go on", async () => {
    const { course, student } = await enrolledStudent({ status: "draft" });
    await expectRefusedWithoutWrites(student, course, course.lessonIds[0]!);

    const archived = await enrolledStudent({ status: "archived", modules: 1, lessonsPerModule: 2 });
    expect(await complete(archived.student, archived.course.lessonIds[0]!)).toMatchObject({ newlyCompleted: true, percent: 50 });
  });

  it("an unknown lesson is refused", async () => {
    const { course, student } = await enrolledStudent();
    await expectRefusedWithoutWrites(student, course, "00000000-0000-4000-8000-000000000000");
  });
});
