import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { questionBankEntries, quizChoices, quizQuestions, quizSlots } from "@/db/schema";
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
 * build whole quizzes at once. Five statements plus the totals, whatever the count.
 */
export async function insertQuizQuestions(
  tx: DbOrTx,
  { courseId, taskId, questions, categoryId = null, tags = [] }: { courseId: string; taskId: string; questions: SeedQuestion[]; categoryId?: string | null; tags?: string[] },
): Promise<InsertedQuestion[]> {
  if (questions.length === 0) return [];
  const entries = await tx
    .insert(questionBankEntries)
    .values(questions.map(() => ({ courseId, categoryId, tags })))
    .returning({ id: questionBankEntries.id });
  const versions = await tx
    .insert(quizQuestions)
    .values(
      questions.map((question, index) => ({
        entryId: entries[index]!.id,
        courseId,
        type: question.type,
        name: question.name ?? "",
        text: question.text,
        points: question.points,
        explanation: question.explanation ?? "",
        acceptedAnswers: question.acceptedAnswers ?? [],
        numericValue: question.numericValue ?? null,
        numericTolerance: question.numericTolerance ?? 0,
        data: question.data ?? null,
      })),
    )
    .returning({ id: quizQuestions.id, entryId: quizQuestions.entryId });
  const versionOf = new Map(versions.map((version) => [version.entryId, version.id]));
  const questionIds = entries.map((entry) => versionOf.get(entry.id)!);

  const choiceValues = questions.flatMap((question, index) =>
    (question.choices ?? []).map((choice, position) => ({
      questionId: questionIds[index]!,
      text: choice.text,
      isCorrect: choice.isCorrect,
      weight: choice.weight ?? null,
      feedback: choice.feedback ?? "",
      position,
    })),
  );
  const choices = choiceValues.length === 0 ? [] : await tx.insert(quizChoices).values(choiceValues).returning({ id: quizChoices.id, questionId: quizChoices.questionId, position: quizChoices.position });

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

  return entries.map((entry, index) => ({
    entryId: entry.id,
    questionId: questionIds[index]!,
    slotId: slotOf.get(entry.id)!,
    choiceIds: choices
      .filter((choice) => choice.questionId === questionIds[index])
      .sort((a, b) => a.position - b.position)
      .map((choice) => choice.id),
  }));
}
