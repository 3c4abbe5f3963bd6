import type { DbOrTx } from "@/db";
import { questionBankEntries, quizChoices, quizQuestions } from "@/db/schema";
import type { QuestionContent } from "./write-version";

export interface NewBankQuestion {
  content: Omit<QuestionContent, "choices"> & { choices: Omit<QuestionContent["choices"][number], "id">[] };
  categoryId: string | null;
  tags: string[];
}

export interface InsertedBankQuestion {
  entryId: string;
  questionId: string;
  choiceIds: string[];
}

/**
 * Many new bank questions (version 1 each) in three statements, whatever
 * their number: for imports, demo data and test fixtures. The order of the
 * answer follows the order given.
 */
export async function insertBankQuestions(tx: DbOrTx, courseId: string, actorId: string | null, questions: readonly NewBankQuestion[]): Promise<InsertedBankQuestion[]> {
  if (questions.length === 0) return [];
  const entries = await tx
    .insert(questionBankEntries)
    .values(questions.map((question) => ({ courseId, categoryId: question.categoryId, tags: question.tags, createdBy: actorId })))
    .returning({ id: questionBankEntries.id });
  const versions = await tx
    .insert(quizQuestions)
    .values(
      questions.map(({ content }, index) => ({
        entryId: entries[index]!.id,
        courseId,
        type: content.type,
        name: content.name ?? "",
        text: content.text,
        points: content.points,
        explanation: content.explanation,
        acceptedAnswers: content.acceptedAnswers,
        numericValue: content.numericValue,
        numericTolerance: content.numericTolerance,
        data: content.data ?? null,
        createdBy: actorId,
      })),
    )
    .returning({ id: quizQuestions.id, entryId: quizQuestions.entryId });
  const versionOf = new Map(versions.map((version) => [version.entryId, version.id]));
  const questionIds = entries.map((entry) => versionOf.get(entry.id)!);
  const choiceValues = questions.flatMap(({ content }, index) =>
    content.choices.map((choice, position) => ({
      questionId: questionIds[index]!,
      text: choice.text,
      isCorrect: choice.isCorrect,
      weight: choice.weight ?? null,
      feedback: choice.feedback ?? "",
      position,
    })),
  );
  const choices =
    choiceValues.length === 0
      ? []
      : await tx.insert(quizChoices).values(choiceValues).returning({ id: quizChoices.id, questionId: quizChoices.questionId, position: quizChoices.position });
  return entries.map((entry, index) => ({
    entryId: entry.id,
    questionId: questionIds[index]!,
    choiceIds: choices
      .filter((choice) => choice.questionId === questionIds[index])
      .sort((a, b) => a.position - b.position)
      .map((choice) => choice.id),
  }));
}
