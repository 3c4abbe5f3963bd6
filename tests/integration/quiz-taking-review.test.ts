import { beforeAll, describe, expect, it } from "vitest";
import type { StoredResponse } from "@/db/schema/quizzes";
import type { CurrentUser } from "@/lib/auth/session-user";
import { loadAttemptReview } from "@/lib/quizzes/taking/attempt-review";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { loadAttemptResult, loadQuizIntro } from "@/lib/quizzes/taking/student-queries";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createQuiz, secrets, type QuizFixture } from "./quiz-taking-fixtures";

const minute = 60_000;
let course: CourseFixture;

beforeAll(async () => {
  const teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
});

/** A student who answered Q1 right, Q2 half right (partial credit), Q4 wrong, and submitted at `submittedAt`. */
async function submittedAttempt(quiz: QuizFixture, submittedAt: Date) {
  const student = await createActor();
  await insertEnrollment(student.id, course.id);
  const startedAt = new Date(submittedAt.getTime() - 2 * minute);
  const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId, { now: startedAt }));
  const answers: [string, StoredResponse][] = [
    [quiz.questionIds[0]!, { choiceIds: quiz.choices[0]!.correct }],
    [quiz.questionIds[1]!, { choiceIds: [quiz.choices[1]!.correct[0]!] }],
    [quiz.questionIds[3]!, { text: "horse" }],
  ];
  for (const [questionId, response] of answers) {
    await testDb().transaction((tx) => saveAnswer(tx, student, { attemptId, questionId, response }, { now: startedAt }));
  }
  await testDb().transaction((tx) => submitAttempt(tx, student, attemptId, { now: submittedAt }));
  return { student, attemptId };
}

const resultOf = (student: CurrentUser, quiz: QuizFixture, attemptId: string, now: Date) =>
  loadAttemptResult(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId, now });

describe("the review of a submitted attempt", () => {
  it("after submitting: every question with the answer given, its grade, the right answers and the explanation", async () => {
    const quiz = await createQuiz(course.id, null, { reviewPolicy: "after_submit" });
    const now = new Date("2030-01-01T10:00:00Z");
    const { student, attemptId } = await submittedAttempt(quiz, now);
    const result = await resultOf(student, quiz, attemptId, now);
    expect(result!.attempt).toMatchObject({ status: "submitted", scorePoints: 2, maxPoints: 6 });
    expect(result!.review.allowed).toBe(true);
    const [single, multi, trueFalse, short, numeric] = result!.questions;
    expect(single).toMatchObject({ number: 1, answered: true, isCorrect: true, pointsAwarded: 1, explanation: secrets.explanations[0] });
    expect(single!.choices.filter((choice) => choice.isCorrect).map((choice) => choice.id)).toEqual(quiz.choices[0]!.correct);
    expect(single!.choices.filter((choice) => choice.chosen).map((choice) => choice.id)).toEqual(quiz.choices[0]!.correct);
    expect(multi).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 1 });
    expect(trueFalse).toMatchObject({ answered: false, isCorrect: false, pointsAwarded: 0 });
    expect(short).toMatchObject({ typedAnswer: "horse", isCorrect: false, pointsAwarded: 0, acceptedAnswers: secrets.acceptedAnswers });
    expect(numeric).toMatchObject({ answered: false, numericValue: secrets.numericValue, numericTolerance: 0.01 });
  });

  it("never: the score only, no question and no answer read", async () => {
    const quiz = await createQuiz(course.id, null, { reviewPolicy: "never" });
    const now = new Date("2030-01-01T10:00:00Z");
    const { student, attemptId } = await submittedAttempt(quiz, now);
    const result = await resultOf(student, quiz, attemptId, now);
    expect(result!.attempt).toMatchObject({ scorePoints: 2, maxPoints: 6, scorePercent: 33.33 });
    expect(result!.review.allowed).toBe(false);
    expect(result!.questions).toEqual([]);
    expect(JSON.stringify(result)).not.toMatch(/EXPLAIN|zebraword|271\.828/);
  });

  it("after the due date: nothing before it, everything from it on", async () => {
    const due = new Date("2030-02-01T12:00:00Z");
    const quiz = await createQuiz(course.id, null, { reviewPolicy: "after_due", dueAt: due });
    const { student, attemptId } = await submittedAttempt(quiz, new Date(due.getTime() - 60 * minute));
    const before = await resultOf(student, quiz, attemptId, new Date(due.getTime() - minute));
    expect(before!.review).toEqual({ allowed: false, notice: "The answers and explanations are shown after the due date." });
    expect(before!.questions).toEqual([]);
    expect(JSON.stringify(before)).not.toMatch(/EXPLAIN|zebraword|271\.828/);
    const after = await resultOf(student, quiz, attemptId, due);
    expect(after!.review.allowed).toBe(true);
    expect(after!.questions.map((question) => question.explanation)).toEqual(secrets.explanations);
  });

  it("an open attempt has no review, whatever the policy", async () => {
    const quiz = await createQuiz(course.id, null, { reviewPolicy: "after_submit" });
    const student = await createActor();
    await insertEnrollment(student.id, course.id);
    const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId));
    const result = await resultOf(student, quiz, attemptId, new Date());
    expect(result!.review.allowed).toBe(false);
    expect(result!.questions).toEqual([]);
  });

  it("follows the attempt's own order, for any reader the caller allows (the teacher side reuses it)", async () => {
    const quiz = await createQuiz(course.id, null, { shuffleQuestions: true });
    const student = await createActor();
    await insertEnrollment(student.id, course.id);
    const now = new Date("2030-03-01T10:00:00Z");
    const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId, { now, random: () => 0 }));
    await testDb().transaction((tx) => submitAttempt(tx, student, attemptId, { now }));
    const result = await resultOf(student, quiz, attemptId, now);
    const review = await loadAttemptReview(testDb(), result!.attempt);
    expect(review.map((question) => question.id)).toEqual(result!.attempt.questionOrder);
    expect(review.map((question) => question.id)).not.toEqual(quiz.questionIds);
  });

  it("the intro and result loaders run a fixed number of statements whatever the attempts", async () => {
    const quiz = await createQuiz(course.id, null, { attemptsAllowed: null });
    const now = new Date("2030-04-01T10:00:00Z");
    const { student, attemptId } = await submittedAttempt(quiz, now);
    const load = () => loadQuizIntro(testDb(), student, { slug: course.slug, taskId: quiz.taskId, now });
    const one = await countQueries(load);
    for (let n = 0; n < 3; n++) {
      const next = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId, { now }));
      await testDb().transaction((tx) => submitAttempt(tx, student, next.attemptId, { now }));
    }
    const four = await countQueries(load);
    expect(four.count).toBe(one.count);
    expect(four.result!.attempts.map((attempt) => attempt.attemptNumber)).toEqual([1, 2, 3, 4]);
    const result = await countQueries(() => resultOf(student, quiz, attemptId, now));
    expect(result.result!.questions).toHaveLength(5);
    expect(result.count).toBeLessThanOrEqual(one.count + 4);
  });
});
