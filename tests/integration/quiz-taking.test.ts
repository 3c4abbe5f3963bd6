import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { quizAnswers, quizAttempts, taskProgress } from "@/db/schema";
import { ActionFailure, KeptRefusal } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session-user";
import { saveAnswerAction } from "@/lib/quizzes/actions/save-answer-action";
import { startAttemptAction } from "@/lib/quizzes/actions/start-attempt-action";
import { submitAttemptAction } from "@/lib/quizzes/actions/submit-attempt-action";
import { closeExpiredAttempts } from "@/lib/quizzes/taking/close-expired-attempts";
import { saveAnswer, timeUpMessage, attemptClosedMessage } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { loadAttemptResult, loadQuizIntro, loadStudentAttempt } from "@/lib/quizzes/taking/student-queries";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import type { StoredResponse } from "@/db/schema/quizzes";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createQuiz, secrets, type QuizFixture } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const minute = 60_000;
let teacher: CurrentUser;
let course: CourseFixture;

beforeAll(async () => {
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
});

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

async function enrolledStudent() {
  const student = await createActor();
  await insertEnrollment(student.id, course.id);
  return student;
}

const start = (actor: CurrentUser, quiz: QuizFixture, now?: Date, random?: () => number) =>
  testDb().transaction((tx) => startAttempt(tx, actor, quiz.taskId, { now, random }));
const save = (actor: CurrentUser, attemptId: string, questionId: string, response: StoredResponse, now?: Date) =>
  testDb().transaction((tx) => saveAnswer(tx, actor, { attemptId, questionId, response }, { now }));
const submit = (actor: CurrentUser, attemptId: string, now?: Date) =>
  testDb().transaction((tx) => submitAttempt(tx, actor, attemptId, { now }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  return (error as ActionFailure).userMessage;
}

const attemptsOf = (userId: string, taskId: string) =>
  testDb()
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.taskId, taskId)));
const answersOf = (attemptId: string) => testDb().select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId));

/** Right answers to every question of the fixture quiz. */
function rightAnswers(quiz: QuizFixture): [string, StoredResponse][] {
  return [
    [quiz.questionIds[0]!, { choiceIds: quiz.choices[0]!.correct }],
    [quiz.questionIds[1]!, { choiceIds: quiz.choices[1]!.correct }],
    [quiz.questionIds[2]!, { choiceIds: quiz.choices[2]!.correct }],
    [quiz.questionIds[3]!, { text: "  ZEBRAWORD " }],
    [quiz.questionIds[4]!, { text: String(secrets.numericValue) }],
  ];
}

describe("starting an attempt", () => {
  it("20 parallel starts through the action create exactly one attempt, all answered with it", async () => {
    const quiz = await createQuiz(course.id, course.moduleIds[0]!);
    const student = await enrolledStudent();
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    const results = await Promise.all(Array.from({ length: 20 }, () => startAttemptAction({ taskId: quiz.taskId })));
    expect(results.every((result) => result.ok)).toBe(true);
    const ids = new Set(results.map((result) => (result.ok ? result.data.attemptId : null)));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.ok && result.data.created)).toHaveLength(1);
    const rows = await attemptsOf(student.id, quiz.taskId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attemptNumber: 1, status: "in_progress" });
    const [progress] = await testDb()
      .select()
      .from(taskProgress)
      .where(and(eq(taskProgress.userId, student.id), eq(taskProgress.taskId, quiz.taskId)));
    expect(progress?.status).toBe("in_progress");
  });

  it("numbers attempts 1, 2 and refuses a third when two are allowed", async () => {
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { attemptsAllowed: 2 });
    const student = await enrolledStudent();
    const first = await start(student, quiz);
    expect(first).toMatchObject({ attemptNumber: 1, created: true });
    await submit(student, first.attemptId);
    const second = await start(student, quiz);
    expect(second).toMatchObject({ attemptNumber: 2, created: true });
    expect(second.attemptId).not.toBe(first.attemptId);
    await submit(student, second.attemptId);
    expect(await refusal(start(student, quiz))).toBe("You have used all 2 attempts at this quiz.");
    expect((await attemptsOf(student.id, quiz.taskId)).map((row) => row.attemptNumber).sort()).toEqual([1, 2]);
  });

  it("allows many attempts when the quiz sets no limit, numbers never repeating", async () => {
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { attemptsAllowed: null });
    const student = await enrolledStudent();
    for (let n = 1; n <= 4; n++) {
      const attempt = await start(student, quiz);
      expect(attempt.attemptNumber).toBe(n);
      await submit(student, attempt.attemptId);
    }
  });

  it("fixes the deadline at start + time limit, capped at the due date, and refuses starts after the due date", async () => {
    const now = new Date("2030-01-01T10:00:00Z");
    const limited = await createQuiz(course.id, null, { timeLimitMinutes: 30 });
    const capped = await createQuiz(course.id, null, { timeLimitMinutes: 30, dueAt: new Date(now.getTime() + 5 * minute) });
    const untimed = await createQuiz(course.id, null, { timeLimitMinutes: null });
    const student = await enrolledStudent();
    const deadlineOf = async (quiz: QuizFixture) => (await attemptsOf(student.id, quiz.taskId))[0]!.deadlineAt;
    await start(student, limited, now);
    await start(student, capped, now);
    await start(student, untimed, now);
    expect(await deadlineOf(limited)).toEqual(new Date(now.getTime() + 30 * minute));
    expect(await deadlineOf(capped)).toEqual(new Date(now.getTime() + 5 * minute));
    expect(await deadlineOf(untimed)).toBeNull();

    const overdue = await createQuiz(course.id, null, { dueAt: new Date(now.getTime() - minute) });
    expect(await refusal(start(student, overdue, now))).toBe("This quiz was due already; it takes no new attempts.");
  });

  it("closes an open attempt past its deadline before starting the next one", async () => {
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 5, attemptsAllowed: 3 });
    const student = await enrolledStudent();
    const t0 = new Date("2030-02-01T09:00:00Z");
    const first = await start(student, quiz, t0);
    const second = await start(student, quiz, new Date(t0.getTime() + 6 * minute));
    expect(second).toMatchObject({ attemptNumber: 2, created: true });
    const [firstRow] = (await attemptsOf(student.id, quiz.taskId)).filter((row) => row.id === first.attemptId);
    expect(firstRow).toMatchObject({ status: "submitted", submittedAt: new Date(t0.getTime() + 5 * minute), scorePoints: 0 });
  });

  it("refuses students not enrolled, drafts, and teachers, as not found", async () => {
    const quiz = await createQuiz(course.id, null);
    const draft = await createQuiz(course.id, null, { status: "draft" });
    const outsider = await createActor();
    const member = await enrolledStudent();
    const message = "This quiz does not exist or you are not enrolled in its course.";
    expect(await refusal(start(outsider, quiz))).toBe(message);
    expect(await refusal(start(member, draft))).toBe(message);
    expect(await refusal(start(teacher, quiz))).toBe(message);
    expect(await loadQuizIntro(testDb(), outsider, { slug: course.slug, taskId: quiz.taskId })).toBeNull();
    expect(await loadQuizIntro(testDb(), member, { slug: course.slug, taskId: draft.taskId })).toBeNull();
    expect(await loadQuizIntro(testDb(), member, { slug: "another-course", taskId: quiz.taskId })).toBeNull();
  });

  it("shuffles questions and choices once: every reload shows the same order", async () => {
    const quiz = await createQuiz(course.id, null, { shuffleQuestions: true, shuffleChoices: true });
    const student = await enrolledStudent();
    // A fixed sequence that reverses everything (j = 0 each step).
    const attempt = await start(student, quiz, undefined, () => 0);
    const load = () => loadStudentAttempt(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId: attempt.attemptId });
    const first = await load();
    const second = await load();
    const order = first!.questions.map((question) => question.id);
    expect(order).not.toEqual(quiz.questionIds);
    expect([...order].sort()).toEqual([...quiz.questionIds].sort());
    expect(second!.questions).toEqual(first!.questions);
    const single = first!.questions.find((question) => question.id === quiz.questionIds[0])!;
    expect(single.choices.map((choice) => choice.id)).not.toEqual(quiz.choices[0]!.ids);
    expect(first!.questions.map((question) => question.number)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("saving answers", () => {
  it("keeps the answers across loads (another device resumes them), replacing a changed one", async () => {
    const quiz = await createQuiz(course.id, null);
    const student = await enrolledStudent();
    const { attemptId } = await start(student, quiz);
    await save(student, attemptId, quiz.questionIds[0]!, { choiceIds: [quiz.choices[0]!.ids[0]!] });
    await save(student, attemptId, quiz.questionIds[0]!, { choiceIds: [quiz.choices[0]!.ids[1]!] });
    await save(student, attemptId, quiz.questionIds[3]!, { text: "zebra" });
    const view = await loadStudentAttempt(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    expect(view!.answers).toEqual({
      [quiz.questionIds[0]!]: { choiceIds: [quiz.choices[0]!.ids[1]!] },
      [quiz.questionIds[3]!]: { text: "zebra" },
    });
    expect(await answersOf(attemptId)).toHaveLength(2);
  });

  it("refuses choices of another question, two picks for single choice and text for a choice question", async () => {
    const quiz = await createQuiz(course.id, null);
    const student = await enrolledStudent();
    const { attemptId } = await start(student, quiz);
    const [single, multi] = quiz.choices;
    expect(await refusal(save(student, attemptId, quiz.questionIds[0]!, { choiceIds: [multi!.ids[0]!] }))).toBe("Choose one of the answers.");
    expect(await refusal(save(student, attemptId, quiz.questionIds[0]!, { choiceIds: single!.ids.slice(0, 2) }))).toBe("Choose only one answer.");
    expect(await refusal(save(student, attemptId, quiz.questionIds[0]!, { text: "B" }))).toBe("Choose one of the answers.");
    expect(await refusal(save(student, attemptId, quiz.questionIds[3]!, { choiceIds: [] }))).toBe("Type your answer.");
    const otherQuiz = await createQuiz(course.id, null);
    expect(await refusal(save(student, attemptId, otherQuiz.questionIds[0]!, { choiceIds: [] }))).toBe("This question is not part of the quiz.");
    expect(await answersOf(attemptId)).toEqual([]);
  });

  it("refuses a save one second after the deadline; the sweep submits with the answers saved in time and grades them", async () => {
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 10 });
    const student = await enrolledStudent();
    const t0 = new Date("2030-03-01T08:00:00Z");
    const deadline = new Date(t0.getTime() + 10 * minute);
    const { attemptId } = await start(student, quiz, t0);
    const [q0, q1] = rightAnswers(quiz);
    await save(student, attemptId, q0![0], q0![1], new Date(deadline.getTime() - 1000));

    // A second late: refused, nothing stored. The refusal itself closes the attempt (a kept refusal).
    const late = await testDb().transaction((tx) =>
      saveAnswer(tx, student, { attemptId, questionId: q1![0], response: q1![1] }, { now: new Date(deadline.getTime() + 1000) }),
    );
    expect(late).toBeInstanceOf(KeptRefusal);
    expect((late as KeptRefusal).userMessage).toBe(timeUpMessage);
    const answers = await answersOf(attemptId);
    expect(answers.map((answer) => answer.questionId)).toEqual([q0![0]]);
    const [closed] = await attemptsOf(student.id, quiz.taskId);
    expect(closed).toMatchObject({ status: "submitted", submittedAt: deadline, scorePoints: 1, maxPoints: 6 });
  });

  it("the sweep closes only attempts past their deadline, as of the deadline, graded into task progress", async () => {
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 10 });
    const early = await enrolledStudent();
    const later = await enrolledStudent();
    const t0 = new Date("2030-04-01T08:00:00Z");
    const expiring = await start(early, quiz, t0);
    const running = await start(later, quiz, new Date(t0.getTime() + 5 * minute));
    for (const [questionId, response] of rightAnswers(quiz).slice(0, 3)) {
      await save(early, expiring.attemptId, questionId, response, new Date(t0.getTime() + minute));
    }
    // One second late for the first student, refused and not stored.
    await expect(
      testDb().transaction((tx) =>
        saveAnswer(tx, early, { attemptId: expiring.attemptId, questionId: quiz.questionIds[3]!, response: { text: "zebraword" } }, { now: new Date(t0.getTime() + 10 * minute + 1000) }),
      ),
    ).resolves.toBeInstanceOf(KeptRefusal);

    const sweepAt = new Date(t0.getTime() + 12 * minute);
    const closed = await closeExpiredAttempts(testDb(), { now: sweepAt });
    expect(closed.map((attempt) => attempt.id)).not.toContain(running.attemptId);
    const [expired] = await attemptsOf(early.id, quiz.taskId);
    expect(expired).toMatchObject({ status: "submitted", submittedAt: new Date(t0.getTime() + 10 * minute), scorePoints: 4, maxPoints: 6 });
    const [progress] = await testDb()
      .select()
      .from(taskProgress)
      .where(and(eq(taskProgress.userId, early.id), eq(taskProgress.taskId, quiz.taskId)));
    expect(progress).toMatchObject({ status: "graded", pointsEarned: 4 });
    expect((await attemptsOf(later.id, quiz.taskId))[0]!.status).toBe("in_progress");
  });

  it("the sweep closes an attempt whose save never came, with no answers: 0 points", async () => {
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 1 });
    const student = await enrolledStudent();
    const t0 = new Date("2030-05-01T08:00:00Z");
    const { attemptId } = await start(student, quiz, t0);
    const closed = await closeExpiredAttempts(testDb(), { taskId: quiz.taskId, now: new Date(t0.getTime() + 2 * minute) });
    expect(closed).toEqual([{ id: attemptId, taskId: quiz.taskId, userId: student.id }]);
    expect((await attemptsOf(student.id, quiz.taskId))[0]).toMatchObject({ status: "submitted", scorePoints: 0, scorePercent: 0 });
    expect(await closeExpiredAttempts(testDb(), { taskId: quiz.taskId, now: new Date(t0.getTime() + 3 * minute) })).toEqual([]);
  });
});

describe("submitting", () => {
  it("grades at once; a second submit answers the same result; saving afterwards is refused", async () => {
    const quiz = await createQuiz(course.id, null);
    const student = await enrolledStudent();
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    const started = await startAttemptAction({ taskId: quiz.taskId });
    expect(started.ok).toBe(true);
    const attemptId = started.ok ? started.data.attemptId : "";
    for (const [questionId, response] of rightAnswers(quiz)) {
      const saved = await saveAnswerAction({ attemptId, questionId, response });
      expect(saved.ok).toBe(true);
    }
    const first = await submitAttemptAction({ attemptId });
    expect(first).toMatchObject({ ok: true, data: { scorePoints: 6, maxPoints: 6, scorePercent: 100, newlySubmitted: true } });
    const [afterFirst] = await attemptsOf(student.id, quiz.taskId);
    const again = await submitAttemptAction({ attemptId });
    expect(again).toMatchObject({ ok: true, data: { scorePoints: 6, maxPoints: 6, scorePercent: 100, newlySubmitted: false } });
    expect(await attemptsOf(student.id, quiz.taskId)).toEqual([afterFirst]);

    const late = await saveAnswerAction({ attemptId, questionId: quiz.questionIds[3]!, response: { text: "other" } });
    expect(late).toEqual({ ok: false, error: attemptClosedMessage, fieldErrors: {} });
    const stored = (await answersOf(attemptId)).find((answer) => answer.questionId === quiz.questionIds[3]);
    // Stored cleaned (trimmed), as saved before the deadline.
    expect(stored!.response).toEqual({ text: "ZEBRAWORD" });
  });

  it("a submit after the deadline submits as of the deadline", async () => {
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 10 });
    const student = await enrolledStudent();
    const t0 = new Date("2030-06-01T08:00:00Z");
    const { attemptId } = await start(student, quiz, t0);
    const result = await submit(student, attemptId, new Date(t0.getTime() + 15 * minute));
    expect(result).toMatchObject({ newlySubmitted: true, closedAtDeadline: true, scorePoints: 0 });
    expect((await attemptsOf(student.id, quiz.taskId))[0]!.submittedAt).toEqual(new Date(t0.getTime() + 10 * minute));
  });
});

describe("privacy", () => {
  it("another student can neither read nor write nor submit the attempt: not found", async () => {
    const quiz = await createQuiz(course.id, null);
    const owner = await enrolledStudent();
    const other = await enrolledStudent();
    const { attemptId } = await start(owner, quiz);
    const notFound = "This attempt does not exist or is not yours.";
    expect(await loadStudentAttempt(testDb(), other, { slug: course.slug, taskId: quiz.taskId, attemptId })).toBeNull();
    expect(await loadAttemptResult(testDb(), other, { slug: course.slug, taskId: quiz.taskId, attemptId })).toBeNull();
    expect(await refusal(save(other, attemptId, quiz.questionIds[3]!, { text: "mine" }))).toBe(notFound);
    expect(await refusal(submit(other, attemptId))).toBe(notFound);
    expect(await answersOf(attemptId)).toEqual([]);
    expect((await attemptsOf(owner.id, quiz.taskId))[0]!.status).toBe("in_progress");
  });

  it("a teacher of another course cannot see the attempts; the course's own teacher may by policy", async () => {
    const quiz = await createQuiz(course.id, null);
    const owner = await enrolledStudent();
    const otherTeacher = await createActor("teacher");
    const { attemptId } = await start(owner, quiz);
    expect(await loadStudentAttempt(testDb(), otherTeacher, { slug: course.slug, taskId: quiz.taskId, attemptId })).toBeNull();
    expect(await loadAttemptResult(testDb(), otherTeacher, { slug: course.slug, taskId: quiz.taskId, attemptId })).toBeNull();
    expect(await loadQuizIntro(testDb(), otherTeacher, { slug: course.slug, taskId: quiz.taskId })).toBeNull();
    expect(can(otherTeacher, "attempt.view", { userId: owner.id, courseTeacherId: teacher.id })).toBe(false);
    expect(can(teacher, "attempt.view", { userId: owner.id, courseTeacherId: teacher.id })).toBe(true);
  });

  it("the student's attempt view carries no correct flag, accepted answer, numeric value or explanation", async () => {
    const quiz = await createQuiz(course.id, null);
    const student = await enrolledStudent();
    const { attemptId } = await start(student, quiz);
    await save(student, attemptId, quiz.questionIds[3]!, { text: "zebra" });
    const view = await loadStudentAttempt(testDb(), student, { slug: course.slug, taskId: quiz.taskId, attemptId });
    const json = JSON.stringify(view);
    for (const text of [...secrets.explanations, ...secrets.acceptedAnswers, String(secrets.numericValue)]) expect(json).not.toContain(text);
    expect(json).not.toMatch(/isCorrect|explanation|acceptedAnswers|numericValue|tolerance/);
    expect(Object.keys(view!.questions[0]!).sort()).toEqual(["choices", "data", "id", "number", "points", "text", "type"]);
    expect(Object.keys(view!.questions[0]!.choices[0]!).sort()).toEqual(["id", "text"]);
    const intro = await loadQuizIntro(testDb(), student, { slug: course.slug, taskId: quiz.taskId });
    expect(JSON.stringify(intro)).not.toMatch(/EXPLAIN|zebraword|271\.828|isCorrect/);
  });
});
