import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { quizChoices, quizQuestions, quizzes } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, enrollmentOf, eventsOf, insertEnrollment } from "./learning-fixtures";
import {
  allRight,
  answersOf,
  attemptRow,
  createAttempt,
  createQuiz,
  progressOf,
  twoOfSix,
  type QuizFixture,
} from "./quiz-results-fixtures";

let teacher: Actor;

beforeAll(async () => {
  teacher = await createActor("teacher");
});

const grade = (taskId: string, attemptIds?: string[]) =>
  testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId, attemptIds, actorId: teacher.id }));

/** A course of 2 lessons (or `lessons`) and a quiz, with `count` enrolled students. */
async function courseWithQuiz(count: number, options: Parameters<typeof createQuiz>[1] = {}, lessons = 2) {
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: lessons });
  const quiz = await createQuiz(course.id, { moduleId: course.moduleIds[0]!, ...options });
  const students = [];
  for (let i = 0; i < count; i++) {
    const student = await createActor();
    await insertEnrollment(student.id, course.id);
    students.push(student);
  }
  return { course, quiz, students };
}

describe("gradeClosedAttempts", () => {
  it("writes each answer, the attempt, the task progress (graded) and course progress", async () => {
    const { course, quiz, students } = await courseWithQuiz(1);
    const [student] = students;
    const attempt = await createAttempt(quiz, student!.id, { answers: [[1], [0, 1], undefined, " VARIABLE ", "2,45"] });

    const summaries = await grade(quiz.taskId, [attempt.id]);
    expect(summaries).toEqual([{ attemptId: attempt.id, userId: student!.id, scorePoints: 3, maxPoints: 6, scorePercent: 50, questions: expect.any(Array) }]);

    expect((await answersOf(attempt.id, quiz)).map((a) => [a.isCorrect, a.pointsAwarded])).toEqual([
      [true, 1],
      [false, 0],
      // The unanswered true/false has no row; the others are graded.
      [true, 1],
      [true, 1],
    ]);
    expect(await attemptRow(attempt.id)).toMatchObject({ scorePoints: 3, maxPoints: 6, scorePercent: 50, gradedVersion: 1 });
    expect(await progressOf(student!.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 3 });
    expect((await progressOf(student!.id, quiz.taskId))!.completedAt).toBeInstanceOf(Date);
    // 2 lessons + 1 quiz: the graded quiz is one of three items.
    const [enrollment] = await enrollmentOf(student!.id, course.id);
    expect(enrollment).toMatchObject({ status: "active", progressPercent: 33.33 });
  });

  it("partial credit is written per answer and summed on the attempt", async () => {
    const { quiz, students } = await courseWithQuiz(1, { partialCredit: true });
    const attempt = await createAttempt(quiz, students[0]!.id, { answers: [[1], [0], [1], "x", "2.4"] });
    await grade(quiz.taskId, [attempt.id]);
    expect((await answersOf(attempt.id, quiz)).map((a) => [a.isCorrect, a.pointsAwarded])).toEqual([
      [true, 1],
      [false, 1],
      [false, 0],
      [false, 0],
      [true, 1],
    ]);
    expect(await attemptRow(attempt.id)).toMatchObject({ scorePoints: 3, scorePercent: 50 });
  });

  it.each([
    ["highest", 6],
    ["latest", 2],
    ["average", 4],
  ] as const)("combines a student's attempts by %s (latest by attempt number, not insertion order)", async (gradingMethod, points) => {
    const { quiz, students } = await courseWithQuiz(1, { gradingMethod });
    const student = students[0]!;
    // Attempt 2 (2/6) is inserted before attempt 1 (6/6).
    const second = await createAttempt(quiz, student.id, { attemptNumber: 2, answers: twoOfSix });
    const first = await createAttempt(quiz, student.id, { attemptNumber: 1, answers: allRight });
    await grade(quiz.taskId, [second.id]);
    await grade(quiz.taskId, [first.id]);
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: points });
  });

  it("a closed attempt not graded yet is left out of the combined score, not counted as zero", async () => {
    const { quiz, students } = await courseWithQuiz(1, { gradingMethod: "average" });
    const student = students[0]!;
    // Attempt 1 expired and the sweep has not graded it; attempt 2 is submitted and graded now.
    const expired = await createAttempt(quiz, student.id, { attemptNumber: 1, status: "expired", answers: allRight });
    const submitted = await createAttempt(quiz, student.id, { attemptNumber: 2, answers: twoOfSix });
    await grade(quiz.taskId, [submitted.id]);
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ pointsEarned: 2 });
    expect((await attemptRow(expired.id)).scorePoints).toBeNull();

    // Once the expired one is graded it counts: (6 + 2) / 2.
    await grade(quiz.taskId, [expired.id]);
    expect(await attemptRow(expired.id)).toMatchObject({ scorePoints: 6, scorePercent: 100 });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ pointsEarned: 4 });
  });

  it("ignores attempts still in progress, even when asked for them by id", async () => {
    const { quiz, students } = await courseWithQuiz(1);
    const student = students[0]!;
    const open = await createAttempt(quiz, student.id, { status: "in_progress", answers: allRight });
    expect(await grade(quiz.taskId, [open.id])).toEqual([]);
    expect(await grade(quiz.taskId)).toEqual([]);
    expect(await attemptRow(open.id)).toMatchObject({ scorePoints: null, scorePercent: null, gradedVersion: null });
    expect((await answersOf(open.id, quiz)).every((a) => a.isCorrect === null && a.pointsAwarded === null)).toBe(true);
    expect(await progressOf(student.id, quiz.taskId)).toBeNull();
  });

  it("only grades attempts of the quiz named, and nothing for an empty list or an unknown quiz", async () => {
    const { course, quiz, students } = await courseWithQuiz(1);
    const other = await createQuiz(course.id);
    const attempt = await createAttempt(other, students[0]!.id, { answers: allRight });
    expect(await grade(quiz.taskId, [attempt.id])).toEqual([]);
    expect(await grade(other.taskId, [])).toEqual([]);
    expect(await grade("00000000-0000-4000-8000-000000000000")).toEqual([]);
    expect((await attemptRow(attempt.id)).scorePoints).toBeNull();
  });

  it("a quiz that completes the course turns the enrolment completed and publishes enrollment.completed once", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const quiz = await createQuiz(course.id, { attemptsAllowed: 2 });
    const student = await createActor();
    const enrollment = await insertEnrollment(student.id, course.id);
    await testDb().execute(sql`INSERT INTO lesson_completions (user_id, lesson_id) VALUES (${student.id}, ${course.lessonIds[0]!})`);

    const first = await createAttempt(quiz, student.id, { attemptNumber: 1, answers: twoOfSix });
    await grade(quiz.taskId, [first.id]);
    const [row] = await enrollmentOf(student.id, course.id);
    expect(row).toMatchObject({ status: "completed", progressPercent: 100 });
    expect(row!.completedAt).toBeInstanceOf(Date);

    // A second attempt and a full re-grade do not complete it again.
    const second = await createAttempt(quiz, student.id, { attemptNumber: 2, answers: allRight });
    await grade(quiz.taskId, [second.id]);
    await grade(quiz.taskId);
    const events = await eventsOf("enrollment.completed", enrollment.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: teacher.id, payload: { userId: student.id, courseId: course.id } });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ pointsEarned: 6 });
  });

  it("several students completing the course in one re-grade each get their event", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    const quiz = await createQuiz(course.id);
    const enrollments = [];
    for (let i = 0; i < 3; i++) {
      const student = await createActor();
      enrollments.push(await insertEnrollment(student.id, course.id));
      await createAttempt(quiz, student.id, { answers: twoOfSix });
    }
    await grade(quiz.taskId);
    for (const enrollment of enrollments) {
      expect(await eventsOf("enrollment.completed", enrollment.id)).toHaveLength(1);
      expect((await enrollmentOf(enrollment.userId, course.id))[0]).toMatchObject({ status: "completed" });
    }
  });

  it("re-grading every attempt after a question changed updates every student", async () => {
    const { quiz, students } = await courseWithQuiz(3, { gradingMethod: "highest" });
    const attempts = [];
    for (const student of students) attempts.push(await createAttempt(quiz, student.id, { answers: twoOfSix }));
    await grade(quiz.taskId, attempts.map((a) => a.id));
    expect(await attemptRow(attempts[0]!.id)).toMatchObject({ scorePoints: 2, gradedVersion: 1 });

    // The teacher finds the single choice key wrong (choice 0 is right) and accepts "letter".
    await changeQuestions(quiz);
    const summaries = await grade(quiz.taskId);
    expect(summaries).toHaveLength(3);
    for (const [index, student] of students.entries()) {
      expect(await attemptRow(attempts[index]!.id)).toMatchObject({ scorePoints: 4, scorePercent: 66.67, gradedVersion: 2 });
      expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 4 });
      expect((await answersOf(attempts[index]!.id, quiz)).map((a) => a.isCorrect)).toEqual([true, false, true, true, true]);
    }
  });

  it("a fixed number of statements however many attempts are graded and enrolments completed", async () => {
    // Quiz-only courses: grading completes every student's enrolment (one event each).
    const small = await courseWithQuiz(1, { gradingMethod: "average" }, 0);
    await createAttempt(small.quiz, small.students[0]!.id, { answers: allRight });
    const big = await courseWithQuiz(8, { gradingMethod: "average" }, 0);
    for (const student of big.students) {
      await createAttempt(big.quiz, student.id, { attemptNumber: 1, answers: allRight });
      await createAttempt(big.quiz, student.id, { attemptNumber: 2, answers: twoOfSix });
    }
    const one = await countQueries(() => grade(small.quiz.taskId));
    const many = await countQueries(() => grade(big.quiz.taskId));
    expect(one.result).toHaveLength(1);
    expect(many.result).toHaveLength(16);
    // Transaction statements (BEGIN/COMMIT) are not logged by drizzle; the work is.
    expect(many.count).toBe(one.count);
    expect(many.count).toBeLessThanOrEqual(11);
    for (const student of big.students) {
      expect(await progressOf(student.id, big.quiz.taskId)).toMatchObject({ pointsEarned: 4 });
      expect((await enrollmentOf(student.id, big.course.id))[0]).toMatchObject({ status: "completed" });
    }
  });
});

/** The builder's edit, as the rows see it: a changed key, a new accepted answer, the content version bumped. */
async function changeQuestions(quiz: QuizFixture) {
  const db = testDb();
  const [single, , , short] = quiz.questionIds;
  await db.update(quizChoices).set({ isCorrect: false }).where(eq(quizChoices.questionId, single!));
  await db.update(quizChoices).set({ isCorrect: true }).where(eq(quizChoices.id, quiz.choiceIds[0]![0]!));
  await db
    .update(quizQuestions)
    .set({ acceptedAnswers: ["variable", "an unknown", "letter"] })
    .where(eq(quizQuestions.id, short!));
  await db.update(quizzes).set({ contentVersion: 2 }).where(eq(quizzes.taskId, quiz.taskId));
}
