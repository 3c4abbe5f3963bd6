import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAnswers, quizChoices, quizQuestions } from "@/db/schema";
import type { QuestionType } from "@/db/schema/enums";
import { applyOrder } from "./attempt-order";

export interface ReviewChoice {
  id: string;
  text: string;
  isCorrect: boolean;
  chosen: boolean;
}

export interface ReviewQuestion {
  id: string;
  number: number;
  type: QuestionType;
  text: string;
  points: number;
  answered: boolean;
  /** Null until graded. */
  pointsAwarded: number | null;
  isCorrect: boolean | null;
  choices: ReviewChoice[];
  /** Short answer and numeric: what was typed. */
  typedAnswer: string | null;
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  explanation: string;
}

/**
 * Every question of a closed attempt, in the attempt's order, with the
 * answer given, its grade, the right answers and the explanation. Only for a
 * reader entitled to the review (the student once the review policy allows,
 * the course's teacher, an admin): the caller decides. Three statements.
 */
export async function loadAttemptReview(
  db: DbOrTx,
  attempt: { id: string; taskId: string; questionOrder: string[]; choiceOrder: Record<string, string[]>; questionPoints: Record<string, number> },
): Promise<ReviewQuestion[]> {
  const [questions, answers] = await Promise.all([
    db
      .select({
        id: quizQuestions.id,
        type: quizQuestions.type,
        text: quizQuestions.text,
        points: quizQuestions.points,
        explanation: quizQuestions.explanation,
        acceptedAnswers: quizQuestions.acceptedAnswers,
        numericValue: quizQuestions.numericValue,
        numericTolerance: quizQuestions.numericTolerance,
      })
      .from(quizQuestions)
      .where(inArray(quizQuestions.id, attempt.questionOrder))
      .orderBy(asc(quizQuestions.id)),
    db
      .select({
        questionId: quizAnswers.questionId,
        response: quizAnswers.response,
        isCorrect: quizAnswers.isCorrect,
        pointsAwarded: quizAnswers.pointsAwarded,
      })
      .from(quizAnswers)
      .where(eq(quizAnswers.attemptId, attempt.id)),
  ]);
  const choices =
    questions.length === 0
      ? []
      : await db
          .select({ id: quizChoices.id, questionId: quizChoices.questionId, text: quizChoices.text, isCorrect: quizChoices.isCorrect })
          .from(quizChoices)
          .where(inArray(quizChoices.questionId, questions.map((question) => question.id)))
          .orderBy(asc(quizChoices.position), asc(quizChoices.id));
  const answerOf = new Map(answers.map((answer) => [answer.questionId, answer]));

  return applyOrder(questions, attempt.questionOrder).map((question, index) => {
    const answer = answerOf.get(question.id);
    const response = answer?.response ?? null;
    const chosen = new Set(response && "choiceIds" in response ? response.choiceIds : []);
    const typedAnswer = response && "text" in response ? response.text : null;
    const answered = chosen.size > 0 || (typedAnswer !== null && typedAnswer.trim() !== "");
    return {
      id: question.id,
      number: index + 1,
      type: question.type,
      text: question.text,
      points: attempt.questionPoints[question.id] ?? question.points,
      answered,
      pointsAwarded: answer ? answer.pointsAwarded : answered ? null : 0,
      isCorrect: answer ? answer.isCorrect : answered ? null : false,
      choices: applyOrder(
        choices.filter((choice) => choice.questionId === question.id),
        attempt.choiceOrder[question.id],
      ).map((choice) => ({ id: choice.id, text: choice.text, isCorrect: choice.isCorrect, chosen: chosen.has(choice.id) })),
      typedAnswer,
      acceptedAnswers: question.acceptedAnswers,
      numericValue: question.numericValue,
      numericTolerance: question.numericTolerance,
      explanation: question.explanation,
    };
  });
}
