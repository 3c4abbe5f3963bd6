import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizSlots } from "@/db/schema";
import { insertBankQuestions } from "./insert-bank-questions";
import { syncMaxPoints } from "@/lib/quizzes/authoring/quiz-totals";
import type { QuestionContent } from "./write-version";

export type SeedQuestion = Omit<QuestionContent, "choices" | "explanation" | "acceptedAnswers" | "numericValue" | "numericTolerance"> &
  Partial<Pick<QuestionContent, "explanation" | "acceptedAnswers" | "numericValue" | "numericTolerance">> & {
    choices?: { text: string; isCorrect: boolean; weight?: number | null; feedback?: string }[];
  };

export interface InsertedQuestion {
  entryId: string;
  questionId: string;
  slotId: string;
  choiceIds: string[];
}

/**
 * Adds questions to the course's bank (uncategorised, or in `categoryId`) and
 * to the end of the quiz, in bulk: for the demo data and test fixtures, which
 * build whole quizzes at once. Four statements plus the totals, whatever the count.
 */
export async function insertQuizQuestions(
  tx: DbOrTx,
  { courseId, taskId, questions, categoryId = null, tags = [] }: { courseId: string; taskId: string; questions: SeedQuestion[]; categoryId?: string | null; tags?: string[] },
): Promise<InsertedQuestion[]> {
  if (questions.length === 0) return [];
  const inserted = await insertBankQuestions(
    tx,
    courseId,
    null,
    questions.map((question) => ({
      categoryId,
      tags,
      content: {
        ...question,
        explanation: question.explanation ?? "",
        acceptedAnswers: question.acceptedAnswers ?? [],
        numericValue: question.numericValue ?? null,
        numericTolerance: question.numericTolerance ?? 0,
        choices: question.choices ?? [],
      },
    })),
  );
  const entries = inserted.map((question) => ({ id: question.entryId }));

  const slots = await tx
    .insert(quizSlots)
    .values(
      entries.map((entry, index) => ({
        taskId,
        entryId: entry.id,
        position: sql`(SELECT count(*)::int FROM ${quizSlots} WHERE ${quizSlots.taskId} = ${taskId}) + ${index}::int`,
      })),
    )
    .returning({ id: quizSlots.id, entryId: quizSlots.entryId });
  const slotOf = new Map(slots.map((slot) => [slot.entryId, slot.id]));
  await syncMaxPoints(tx, taskId);

  return inserted.map((question) => ({ ...question, slotId: slotOf.get(question.entryId)! }));
}
