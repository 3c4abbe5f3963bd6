import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizChoices, quizQuestions } from "@/db/schema";
import type { QuestionType } from "@/db/schema/enums";

export interface StoredQuestion {
  id: string;
  type: QuestionType;
  text: string;
  points: number;
  position: number;
  explanation: string;
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  choices: { id: string; text: string; isCorrect: boolean; position: number }[];
}

/**
 * A quiz's questions with their choices and right answers, in order: for the
 * builder (the course's teacher) and for checks on the server, never for a
 * student. Two statements, whatever the number of questions.
 */
export async function loadStoredQuestions(db: DbOrTx, taskId: string, questionId?: string): Promise<StoredQuestion[]> {
  const rows = await db
    .select({
      id: quizQuestions.id,
      type: quizQuestions.type,
      text: quizQuestions.text,
      points: quizQuestions.points,
      position: quizQuestions.position,
      explanation: quizQuestions.explanation,
      acceptedAnswers: quizQuestions.acceptedAnswers,
      numericValue: quizQuestions.numericValue,
      numericTolerance: quizQuestions.numericTolerance,
    })
    .from(quizQuestions)
    .where(and(eq(quizQuestions.taskId, taskId), questionId ? eq(quizQuestions.id, questionId) : undefined))
    .orderBy(asc(quizQuestions.position), asc(quizQuestions.createdAt), asc(quizQuestions.id));
  const questions = rows.map((row) => ({ ...row, choices: [] as StoredQuestion["choices"] }));
  if (questions.length === 0) return [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const choices = await db
    .select({
      id: quizChoices.id,
      questionId: quizChoices.questionId,
      text: quizChoices.text,
      isCorrect: quizChoices.isCorrect,
      position: quizChoices.position,
    })
    .from(quizChoices)
    .where(inArray(quizChoices.questionId, [...byId.keys()]))
    .orderBy(asc(quizChoices.position), asc(quizChoices.id));
  for (const { questionId: owner, ...choice } of choices) byId.get(owner)?.choices.push(choice);
  return questions;
}

/** A stored question in the shape of the question form, to check it with the same schema. */
export function questionFormValues(question: StoredQuestion) {
  return {
    type: question.type,
    text: question.text,
    points: question.points,
    explanation: question.explanation,
    choices: question.choices.map(({ id, text, isCorrect }) => ({ id, text, isCorrect })),
    acceptedAnswers: question.acceptedAnswers.map((value) => ({ value })),
    numericValue: question.numericValue,
    numericTolerance: question.numericTolerance,
  };
}
