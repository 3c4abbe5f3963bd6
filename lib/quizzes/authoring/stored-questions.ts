import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizChoices, quizQuestions } from "@/db/schema";
import type { QuestionType } from "@/db/schema/enums";
import { answerFieldValues, dataFieldValues, draftOfStored } from "./question-data-fields";

export interface StoredChoice {
  id: string;
  text: string;
  isCorrect: boolean;
  position: number;
  weight: number | null;
  feedback: string;
}

/** One question version with its right answers: for teachers and the server, never for a student. */
export interface StoredQuestion {
  id: string;
  entryId: string;
  courseId: string;
  version: number;
  isCurrent: boolean;
  type: QuestionType;
  name: string;
  text: string;
  points: number;
  explanation: string;
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  data: Record<string, unknown> | null;
  choices: StoredChoice[];
}

const versionColumns = {
  id: quizQuestions.id,
  entryId: quizQuestions.entryId,
  courseId: quizQuestions.courseId,
  version: quizQuestions.version,
  isCurrent: quizQuestions.isCurrent,
  type: quizQuestions.type,
  name: quizQuestions.name,
  text: quizQuestions.text,
  points: quizQuestions.points,
  explanation: quizQuestions.explanation,
  acceptedAnswers: quizQuestions.acceptedAnswers,
  numericValue: quizQuestions.numericValue,
  numericTolerance: quizQuestions.numericTolerance,
  data: quizQuestions.data,
};

async function loadVersionsWhere(db: DbOrTx, where: SQL | undefined): Promise<StoredQuestion[]> {
  const rows = await db.select(versionColumns).from(quizQuestions).where(where);
  const questions = rows.map((row) => ({ ...row, choices: [] as StoredChoice[] }));
  if (questions.length === 0) return [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const choices = await db
    .select({
      id: quizChoices.id,
      questionId: quizChoices.questionId,
      text: quizChoices.text,
      isCorrect: quizChoices.isCorrect,
      position: quizChoices.position,
      weight: quizChoices.weight,
      feedback: quizChoices.feedback,
    })
    .from(quizChoices)
    .where(inArray(quizChoices.questionId, [...byId.keys()]))
    .orderBy(asc(quizChoices.position), asc(quizChoices.id));
  for (const { questionId: owner, ...choice } of choices) byId.get(owner)?.choices.push(choice);
  return questions;
}

const inOrderOf = <T>(ids: readonly string[], items: T[], key: (item: T) => string): T[] => {
  const byKey = new Map(items.map((item) => [key(item), item]));
  return ids.flatMap((id) => {
    const item = byKey.get(id);
    return item ? [item] : [];
  });
};

/** Question versions by id, in the order of `ids` (missing ones left out). Two statements. */
export async function loadQuestionVersions(db: DbOrTx, ids: readonly string[]): Promise<StoredQuestion[]> {
  if (ids.length === 0) return [];
  return inOrderOf(ids, await loadVersionsWhere(db, inArray(quizQuestions.id, [...ids])), (question) => question.id);
}

/** The current version of each bank entry, in the order of `entryIds`. Two statements. */
export async function loadCurrentVersions(db: DbOrTx, entryIds: readonly string[], courseId?: string): Promise<StoredQuestion[]> {
  if (entryIds.length === 0) return [];
  const found = await loadVersionsWhere(
    db,
    and(inArray(quizQuestions.entryId, [...entryIds]), eq(quizQuestions.isCurrent, true), courseId ? eq(quizQuestions.courseId, courseId) : undefined),
  );
  return inOrderOf(entryIds, found, (question) => question.entryId);
}

/**
 * A stored question in the shape of the question form, to check it with the
 * same schema (and to fill the form). Data that does not parse reads as the
 * form's blank rows, which the schema refuses.
 */
export function questionFormValues(question: StoredQuestion) {
  const draft = draftOfStored(question.type, question.data);
  return {
    type: question.type,
    text: question.text,
    points: question.points,
    explanation: question.explanation,
    choices: question.choices.map(({ id, text, isCorrect }) => ({ id, text, isCorrect })),
    numericValue: question.numericValue,
    numericTolerance: question.numericTolerance,
    // Partly right answers and other values come back as rows with their marks, so saving keeps them.
    ...answerFieldValues(question.acceptedAnswers, draft),
    ...dataFieldValues(draft),
  };
}
