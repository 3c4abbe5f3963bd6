// Builders for the quiz grading and results tests: quizzes, questions, choices
// and attempts written directly with Drizzle, independent of the taking UI.
// Not a test file: vitest only collects *.test.ts.
import { and, eq } from "drizzle-orm";
import { learningTasks, quizAnswers, quizAttempts, quizzes, taskProgress, users } from "@/db/schema";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import type { AttemptStatus, GradingMethod, QuestionType, TaskStatus } from "@/db/schema/enums";
import type { StoredResponse } from "@/db/schema/quizzes";
import { testDb } from "./helpers";

export interface QuestionSpec {
  type: QuestionType;
  points?: number;
  text?: string;
  /** Choices by their correct flag, in position order. */
  choices?: boolean[];
  acceptedAnswers?: string[];
  numeric?: { value: number; tolerance: number };
}

export interface QuizFixture {
  taskId: string;
  questionIds: string[];
  /** Each question's choice ids in position order (empty for text questions). */
  choiceIds: string[][];
  maxPoints: number;
}

/** The five types, 6 points: single (1), multiple (2, choices 0 and 2 right), true/false (1), short (1), numeric (1). */
export const fiveTypes: QuestionSpec[] = [
  { type: "single_choice", points: 1, choices: [false, true, false, false] },
  { type: "multiple_choice", points: 2, choices: [true, false, true, false] },
  { type: "true_false", points: 1, choices: [true, false] },
  { type: "short_answer", points: 1, acceptedAnswers: ["variable", "an unknown"] },
  { type: "numeric", points: 1, numeric: { value: 2.4, tolerance: 0.05 } },
];

let quizCounter = 0;

export async function createQuiz(
  courseId: string,
  options: Partial<{
    moduleId: string | null;
    title: string;
    status: TaskStatus;
    gradingMethod: GradingMethod;
    partialCredit: boolean;
    attemptsAllowed: number | null;
    timeLimitMinutes: number | null;
    questions: QuestionSpec[];
  }> = {},
): Promise<QuizFixture> {
  quizCounter++;
  const specs = options.questions ?? fiveTypes;
  const maxPoints = specs.reduce((sum, spec) => sum + (spec.points ?? 1), 0);
  const db = testDb();
  const [task] = await db
    .insert(learningTasks)
    .values({
      courseId,
      moduleId: options.moduleId ?? null,
      type: "quiz",
      title: options.title ?? `Fixture quiz ${quizCounter}`,
      status: options.status ?? "published",
      maxPoints: maxPoints > 0 ? maxPoints : null,
      position: quizCounter,
    })
    .returning({ id: learningTasks.id });
  const taskId = task!.id;
  await db.insert(quizzes).values({
    taskId,
    gradingMethod: options.gradingMethod ?? "highest",
    partialCredit: options.partialCredit ?? false,
    attemptsAllowed: options.attemptsAllowed === undefined ? 3 : options.attemptsAllowed,
    timeLimitMinutes: options.timeLimitMinutes === undefined ? 10 : options.timeLimitMinutes,
  });
  const inserted = await insertQuizQuestions(db, {
    courseId,
    taskId,
    questions: specs.map((spec, position) => ({
      type: spec.type,
      text: spec.text ?? `Question ${position + 1}`,
      points: spec.points ?? 1,
      acceptedAnswers: spec.acceptedAnswers ?? [],
      numericValue: spec.numeric?.value ?? null,
      numericTolerance: spec.numeric?.tolerance ?? 0,
      choices: (spec.choices ?? []).map((isCorrect, index) => ({ text: `Choice ${index + 1}`, isCorrect })),
    })),
  });
  const questionIds = inserted.map((question) => question.questionId);
  const choiceIds = inserted.map((question) => question.choiceIds);
  return { taskId, questionIds, choiceIds, maxPoints };
}

/** An answer by question index: choice indexes, or typed text. */
export type AnswerSpec = number[] | string;

/** The five-type quiz all right (6/6), and a pattern scoring 2/6 without partial credit (true/false and numeric). */
export const allRight: AnswerSpec[] = [[1], [0, 2], [0], "Variable", "2.4"];
export const twoOfSix: AnswerSpec[] = [[0], [0, 1], [0], "letter", "2.4"];

export interface AttemptFixture {
  id: string;
  userId: string;
  attemptNumber: number;
}

/**
 * An attempt with its saved answers; submitted by default. `answers` is by
 * question index; `undefined` entries leave a question unanswered.
 */
export async function createAttempt(
  quiz: QuizFixture,
  userId: string,
  options: Partial<{
    attemptNumber: number;
    status: AttemptStatus;
    startedAt: Date;
    /** Minutes from start to submission. */
    minutes: number;
    deadlineAt: Date | null;
    answers: (AnswerSpec | undefined)[];
  }> = {},
): Promise<AttemptFixture> {
  const db = testDb();
  const status = options.status ?? "submitted";
  const startedAt = options.startedAt ?? new Date(Date.now() - 60 * 60 * 1000);
  const submittedAt = status === "in_progress" ? null : new Date(startedAt.getTime() + (options.minutes ?? 5) * 60 * 1000);
  const attemptNumber = options.attemptNumber ?? 1;
  const [attempt] = await db
    .insert(quizAttempts)
    .values({
      taskId: quiz.taskId,
      userId,
      attemptNumber,
      status,
      startedAt,
      deadlineAt: options.deadlineAt === undefined ? new Date(startedAt.getTime() + 10 * 60 * 1000) : options.deadlineAt,
      submittedAt,
      questionOrder: quiz.questionIds,
    })
    .returning({ id: quizAttempts.id });
  const answers = (options.answers ?? []).flatMap((answer, index) => {
    if (answer === undefined) return [];
    const response: StoredResponse =
      typeof answer === "string" ? { text: answer } : { choiceIds: answer.map((choice) => quiz.choiceIds[index]![choice]!) };
    return [{ attemptId: attempt!.id, questionId: quiz.questionIds[index]!, response }];
  });
  if (answers.length > 0) await db.insert(quizAnswers).values(answers);
  return { id: attempt!.id, userId, attemptNumber };
}

export async function attemptRow(attemptId: string) {
  const [row] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
  return row!;
}

export async function answersOf(attemptId: string, quiz: QuizFixture) {
  const rows = await testDb().select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId));
  // In question order, for readable expectations.
  return rows.sort((a, b) => quiz.questionIds.indexOf(a.questionId) - quiz.questionIds.indexOf(b.questionId));
}

export async function progressOf(userId: string, taskId: string) {
  const [row] = await testDb()
    .select()
    .from(taskProgress)
    .where(and(eq(taskProgress.userId, userId), eq(taskProgress.taskId, taskId)));
  return row ?? null;
}

let studentCounter = 0;

/**
 * Named students inserted in one statement (no password hashing: these never
 * sign in), for result tables that need many rows.
 */
export async function createNamedStudents(names: string[]) {
  const rows = names.map((displayName) => {
    studentCounter++;
    const username = `quizres_${process.pid}_${studentCounter}_${Math.random().toString(36).slice(2, 6)}`;
    return { email: `${username}@school.example`, username, displayName, role: "student" as const, passwordHash: "not-a-hash" };
  });
  const inserted = await testDb().insert(users).values(rows).returning({ id: users.id, email: users.email, displayName: users.displayName });
  // In the order asked for.
  return names.map((name) => inserted.find((row) => row.displayName === name)!);
}
