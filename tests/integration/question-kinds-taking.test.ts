import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { quizAnswers } from "@/db/schema";
import type { StoredResponse } from "@/db/schema/quizzes";
import { attemptJson, attemptSchema } from "@/lib/api/contracts/quizzes";
import { ActionFailure } from "@/lib/actions/result";
import type { CurrentUser } from "@/lib/auth/session-user";
import { loadAttemptForReader } from "@/lib/quizzes/attempt-reader";
import { loadAttemptForTeacher } from "@/lib/quizzes/results-attempt";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { loadAttemptResult, loadStudentAttempt } from "@/lib/quizzes/taking/student-queries";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createKindsQuiz, kindSecrets, type KindsQuizFixture } from "./question-kinds-fixtures";

let teacher: CurrentUser;
let course: CourseFixture;

beforeAll(async () => {
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
});

async function startedAttempt(quiz: KindsQuizFixture) {
  const student = await createActor();
  await insertEnrollment(student.id, course.id);
  const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId));
  return { student, attemptId };
}

const save = (actor: CurrentUser, attemptId: string, questionId: string, response: StoredResponse) =>
  testDb().transaction((tx) => saveAnswer(tx, actor, { attemptId, questionId, response }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  return (error as ActionFailure).userMessage;
}

/** Dog and Cow right, Cat wrong; One and Four in place; the city and the colour right, the number wrong; an essay. */
function partlyRightAnswers(quiz: KindsQuizFixture): [string, StoredResponse][] {
  const [dog, cat, cow] = quiz.matching.prompts;
  const [bark, , moo, quack] = quiz.matching.answers;
  const [one, two, three, four] = quiz.ordering.items.map((item) => item.id);
  const dropdown = quiz.cloze.gaps[2]!;
  const blue = dropdown.kind === "dropdown" ? dropdown.options[1]!.id : "";
  return [
    [quiz.ids.matching, { matches: { [dog!.id]: bark!.id, [cat!.id]: quack!.id, [cow!.id]: moo!.id } }],
    [quiz.ids.ordering, { order: [one!, three!, two!, four!] }],
    [quiz.ids.cloze, { gaps: [` ${kindSecrets.accepted.toUpperCase()} `, "12", blue] }],
    [quiz.ids.essay, { text: "# The sea\n\nIt is **big**.\n\n<script>alert(1)</script>" }],
  ];
}

describe("a student's view of matching, ordering, cloze and essay questions", () => {
  it("has the texts and ids, shuffled the same on every load, and nothing of the key", async () => {
    const quiz = await createKindsQuiz(course.id);
    const { student, attemptId } = await startedAttempt(quiz);
    const view = await loadStudentAttempt(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    const [matching, ordering, cloze, essay] = view!.questions;

    expect(matching!.data).toMatchObject({ kind: "matching", prompts: quiz.matching.prompts.map(({ id, text }) => ({ id, text })) });
    if (matching!.data?.kind !== "matching") throw new Error("matching data expected");
    expect(matching!.data.answers.map((answer) => answer.id).sort()).toEqual(quiz.matching.answers.map((answer) => answer.id).sort());
    if (ordering!.data?.kind !== "ordering") throw new Error("ordering data expected");
    const shown = ordering!.data.items.map((item) => item.id);
    expect([...shown].sort()).toEqual(quiz.ordering.items.map((item) => item.id).sort());
    expect(shown).not.toEqual(quiz.ordering.items.map((item) => item.id));
    expect(cloze!.data).toEqual({
      kind: "cloze",
      gaps: [{ kind: "short_answer" }, { kind: "numeric" }, { kind: "dropdown", options: expect.any(Array) }],
    });
    expect(essay!.data).toEqual({ kind: "essay" });

    const json = JSON.stringify(view);
    for (const secret of ["answerId", "weight", "graderInfo", kindSecrets.accepted, String(kindSecrets.numeric), kindSecrets.graderInfo]) {
      expect(json).not.toContain(secret);
    }

    // The same shuffle on a reload: the seed is the attempt and the question.
    const again = await loadStudentAttempt(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    expect(again!.questions.map((question) => question.data)).toEqual(view!.questions.map((question) => question.data));

    // The API's document describes the same shapes: parsing keeps the data and adds nothing.
    const reader = await loadAttemptForReader(testDb(), student, attemptId);
    const parsed = attemptSchema.parse(attemptJson(reader!));
    expect(parsed.questions!.map((question) => question.data)).toEqual(view!.questions.map((question) => question.data));
    expect(JSON.stringify(parsed)).not.toContain("answerId");
  });
});

describe("saving answers of the new kinds", () => {
  it("stores each shape and gives it back on the next load", async () => {
    const quiz = await createKindsQuiz(course.id);
    const { student, attemptId } = await startedAttempt(quiz);
    const answers = partlyRightAnswers(quiz);
    for (const [questionId, response] of answers) await save(student, attemptId, questionId, response);
    const view = await loadStudentAttempt(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    const [matching, ordering, cloze, essay] = answers.map(([questionId]) => view!.answers[questionId]);
    expect(matching).toEqual(answers[0]![1]);
    expect(ordering).toEqual(answers[1]![1]);
    // Stored as typed, as short answers are: grading trims and compares.
    expect(cloze).toEqual(answers[2]![1]);
    expect(essay).toEqual(answers[3]![1]);
  });

  it("refuses ids that are not the question's own, a partial order and another type's shape", async () => {
    const quiz = await createKindsQuiz(course.id);
    const other = await createKindsQuiz(course.id);
    const { student, attemptId } = await startedAttempt(quiz);
    const [dog] = quiz.matching.prompts;
    const items = quiz.ordering.items.map((item) => item.id);

    expect(await refusal(save(student, attemptId, quiz.ids.matching, { matches: { [randomUUID()]: quiz.matching.answers[0]!.id } }))).toBe(
      "Match each item with one of the answers.",
    );
    expect(await refusal(save(student, attemptId, quiz.ids.matching, { matches: { [dog!.id]: other.matching.answers[0]!.id } }))).toBe(
      "Match each item with one of the answers.",
    );
    expect(await refusal(save(student, attemptId, quiz.ids.ordering, { order: items.slice(0, 3) }))).toBe("Put the items in order.");
    expect(await refusal(save(student, attemptId, quiz.ids.ordering, { order: [...items.slice(0, 3), other.ordering.items[0]!.id] }))).toBe(
      "Put the items in order.",
    );
    expect(await refusal(save(student, attemptId, quiz.ids.cloze, { gaps: ["", "", randomUUID()] }))).toBe("Choose one of the options for each blank.");
    expect(await refusal(save(student, attemptId, quiz.ids.ordering, { matches: {} }))).toBe("Put the items in order.");
    // A question of another quiz is not part of this attempt.
    expect(await refusal(save(student, attemptId, other.ids.essay, { text: "Hello" }))).toBe("This question is not part of the quiz.");
    const stored = await testDb().select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId));
    expect(stored).toEqual([]);
  });
});

describe("grading and reviewing the new kinds", () => {
  it("scores matching by prompt, ordering by position, cloze by blank; the essay waits for its grade", async () => {
    const quiz = await createKindsQuiz(course.id);
    const { student, attemptId } = await startedAttempt(quiz);
    for (const [questionId, response] of partlyRightAnswers(quiz)) await save(student, attemptId, questionId, response);
    await testDb().transaction((tx) => submitAttempt(tx, student, attemptId));

    const result = await loadAttemptResult(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    // 2 of 3 matches (2 points), 2 of 4 in place (2 points), blanks 1 + 0 + 1 (2 points), the essay not yet scored.
    expect(result!.attempt).toMatchObject({ status: "submitted", scorePoints: 6, maxPoints: 16 });
    const [matching, ordering, cloze, essay] = result!.questions;

    expect(matching).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 2, pending: false });
    expect(matching!.dataReview).toEqual({
      kind: "matching",
      prompts: [
        { id: quiz.matching.prompts[0]!.id, text: "Dog", givenAnswer: "Bark", rightAnswer: "Bark", correct: true },
        { id: quiz.matching.prompts[1]!.id, text: "Cat", givenAnswer: "Quack", rightAnswer: "Meow", correct: false },
        { id: quiz.matching.prompts[2]!.id, text: "Cow", givenAnswer: "Moo", rightAnswer: "Moo", correct: true },
      ],
    });

    expect(ordering).toMatchObject({ answered: true, pointsAwarded: 2 });
    expect(ordering!.dataReview).toMatchObject({
      kind: "ordering",
      given: [
        { text: "One", inPlace: true },
        { text: "Three", inPlace: false },
        { text: "Two", inPlace: false },
        { text: "Four", inPlace: true },
      ],
      right: quiz.ordering.items,
    });

    expect(cloze).toMatchObject({ answered: true, pointsAwarded: 2 });
    expect(cloze!.dataReview).toEqual({
      kind: "cloze",
      blanks: [
        { number: 1, kind: "short_answer", given: ` ${kindSecrets.accepted.toUpperCase()} `, accepted: [kindSecrets.accepted], pointsAwarded: 1, points: 1 },
        { number: 2, kind: "numeric", given: "12", accepted: [`${kindSecrets.numeric} (± 0.1)`], pointsAwarded: 0, points: 2 },
        { number: 3, kind: "dropdown", given: "blue", accepted: ["blue"], pointsAwarded: 1, points: 1 },
      ],
    });

    expect(essay).toMatchObject({ answered: true, pending: true, pointsAwarded: null, isCorrect: null, graderComment: "", dataReview: null });
    expect(essay!.typedAnswer).toContain("It is **big**.");

    // The course's teacher reads the same review.
    const teacherView = await loadAttemptForTeacher(testDb(), teacher, { attemptId });
    expect(teacherView!.questions!.map((question) => question.dataReview)).toEqual(result!.questions.map((question) => question.dataReview));
    expect(teacherView!.questions![3]).toMatchObject({ pending: true });
  });

  it("an essay with the teacher's score and comment is no longer pending", async () => {
    const quiz = await createKindsQuiz(course.id);
    const { student, attemptId } = await startedAttempt(quiz);
    await save(student, attemptId, quiz.ids.essay, { text: "A short essay." });
    await testDb().transaction((tx) => submitAttempt(tx, student, attemptId));
    // Written as the teacher's grading form would store it (that form is tested on its own).
    await testDb()
      .update(quizAnswers)
      .set({ manualPoints: 4, pointsAwarded: 4, isCorrect: false, graderComment: "Good *start*." })
      .where(and(eq(quizAnswers.attemptId, attemptId), eq(quizAnswers.questionId, quiz.ids.essay)));

    const result = await loadAttemptResult(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    const [matching, ordering, cloze, essay] = result!.questions;
    expect(essay).toMatchObject({ answered: true, pending: false, pointsAwarded: 4, graderComment: "Good *start*." });
    for (const question of [matching, ordering, cloze]) expect(question).toMatchObject({ answered: false, pointsAwarded: 0, pending: false });
    expect(ordering!.dataReview).toMatchObject({ kind: "ordering", given: [] });

    // The API's review schema describes the review as the pages read it.
    const reader = await loadAttemptForReader(testDb(), student, attemptId);
    const parsed = attemptSchema.parse(attemptJson(reader!));
    expect(parsed.review!.questions[3]).toMatchObject({ pending: false, graderComment: "Good *start*." });
    expect(parsed.review!.questions[2]!.dataReview).toEqual(cloze!.dataReview);
  });

  it("an unanswered essay is not pending", async () => {
    const quiz = await createKindsQuiz(course.id);
    const { student, attemptId } = await startedAttempt(quiz);
    await save(student, attemptId, quiz.ids.essay, { text: "   " });
    await testDb().transaction((tx) => submitAttempt(tx, student, attemptId));
    const result = await loadAttemptResult(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    expect(result!.questions[3]).toMatchObject({ answered: false, pending: false, pointsAwarded: 0 });
  });
});
