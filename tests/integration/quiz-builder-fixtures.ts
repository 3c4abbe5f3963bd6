// Shared builders for the quiz builder's integration tests. Not a test file:
// vitest only collects *.test.ts.
import { vi } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { learningTasks, quizAnswers, quizAttempts, quizChoices, quizQuestions, quizSlots, quizzes } from "@/db/schema";
import type { StoredResponse } from "@/db/schema/quizzes";
import type { ActionResult } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { testDb } from "./helpers";

/** Runs an action as `actor`, the way a request signed in as that user would (getCurrentUser is mocked by the test file). */
export async function as<I, T>(actor: CurrentUser, action: (input: I) => Promise<ActionResult<T>>, input: I): Promise<ActionResult<T>> {
  vi.mocked(getCurrentUser).mockResolvedValue(actor);
  return action(input);
}

export async function ok<I, T>(actor: CurrentUser, action: (input: I) => Promise<ActionResult<T>>, input: I): Promise<T> {
  const result = await as(actor, action, input);
  if (!result.ok) throw new Error(`Expected success, got: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

/** One valid question of each type, as the question form sends it. */
export const questionInputs = {
  single: {
    type: "single_choice" as const,
    text: "2 + 2 = ?",
    points: 2,
    explanation: "Count it.",
    choices: [
      { text: "3", isCorrect: false },
      { text: "4", isCorrect: true },
      { text: "5", isCorrect: false },
    ],
  },
  multiple: {
    type: "multiple_choice" as const,
    text: "Which are even?",
    points: 2,
    choices: [
      { text: "2", isCorrect: true },
      { text: "3", isCorrect: false },
      { text: "4", isCorrect: true },
    ],
  },
  trueFalse: {
    type: "true_false" as const,
    text: "Zero is even.",
    points: 1,
    choices: [
      { text: "True", isCorrect: true },
      { text: "False", isCorrect: false },
    ],
  },
  short: { type: "short_answer" as const, text: "Capital of France?", points: 1, acceptedAnswers: [{ value: "Paris" }, { value: "paris, france" }] },
  numeric: { type: "numeric" as const, text: "Pi to two places?", points: 3, numericValue: 3.14, numericTolerance: 0.005 },
};

export async function taskRow(taskId: string) {
  const [task] = await testDb().select().from(learningTasks).where(eq(learningTasks.id, taskId));
  const [quiz] = await testDb().select().from(quizzes).where(eq(quizzes.taskId, taskId));
  return { task, quiz };
}

/** The quiz's chosen questions (current versions) in slot order, with their choices and slot ids. */
export async function questionsOf(taskId: string) {
  const rows = await testDb()
    .select({ question: quizQuestions, slotId: quizSlots.id, position: quizSlots.position })
    .from(quizSlots)
    .innerJoin(quizQuestions, and(eq(quizQuestions.entryId, quizSlots.entryId), eq(quizQuestions.isCurrent, true)))
    .where(eq(quizSlots.taskId, taskId))
    .orderBy(asc(quizSlots.position))
    .then((found) => found.map((row) => ({ ...row.question, slotId: row.slotId, position: row.position })));
  const result = [];
  for (const row of rows) {
    const choices = await testDb().select().from(quizChoices).where(eq(quizChoices.questionId, row.id)).orderBy(asc(quizChoices.position));
    result.push({ ...row, choices });
  }
  return result;
}

/** A closed attempt with the given answers (not graded yet: grade it with gradeClosedAttempts). */
export async function insertSubmittedAttempt(taskId: string, userId: string, answers: Record<string, StoredResponse>, attemptNumber = 1) {
  const [attempt] = await testDb()
    .insert(quizAttempts)
    .values({ taskId, userId, attemptNumber, status: "submitted", submittedAt: new Date(), questionOrder: await quizQuestionOrder(taskId, Object.keys(answers)) })
    .returning({ id: quizAttempts.id });
  const rows = Object.entries(answers).map(([questionId, response]) => ({ attemptId: attempt!.id, questionId, response }));
  if (rows.length > 0) await testDb().insert(quizAnswers).values(rows);
  return attempt!.id;
}

/** An attempt is given the quiz's questions as they are (as a start would), plus any others it answers. */
async function quizQuestionOrder(taskId: string, answered: string[]): Promise<string[]> {
  const current = (await questionsOf(taskId)).map((question) => question.id);
  return [...current, ...answered.filter((id) => !current.includes(id))];
}

/** The quiz's slot of each chosen question, in the order given (the builder reorders and removes slots). */
export async function slotIdsOf(taskId: string, questionIds: string[]): Promise<string[]> {
  const rows = await testDb()
    .select({ slotId: quizSlots.id, questionId: quizQuestions.id })
    .from(quizSlots)
    .innerJoin(quizQuestions, eq(quizQuestions.entryId, quizSlots.entryId))
    .where(eq(quizSlots.taskId, taskId));
  const byQuestion = new Map(rows.map((row) => [row.questionId, row.slotId]));
  // A question of another quiz has no slot here: a made-up id stands for it, which the action must refuse.
  return questionIds.map((id) => byQuestion.get(id) ?? id);
}
