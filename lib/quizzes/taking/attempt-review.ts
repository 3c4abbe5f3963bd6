import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAnswers, quizChoices, quizQuestions } from "@/db/schema";
import type { QuestionType } from "@/db/schema/enums";
import { answersQuestionType, typedText } from "@/lib/grading/responses";
import { readAnswerExtras } from "../question-data";
import { applyOrder } from "./attempt-order";
import { dataReviewOf, type DataReview } from "./data-review";

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
  /** Short answer, numeric and essay: what was typed (an essay's is Markdown). */
  typedAnswer: string | null;
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  /** A short answer's partly right answers with their marks (%); empty when none. */
  partialAnswers: { text: string; weight: number }[];
  /** A numeric question's other accepted values with their tolerance and marks (%); empty when none. */
  otherNumericAnswers: { value: number; tolerance: number; weight: number }[];
  explanation: string;
  /** Matching, ordering and cloze: the answer given beside the key, per prompt, item or blank. */
  dataReview: DataReview | null;
  /** An answered essay without the teacher's score yet: its points are not known. */
  pending: boolean;
  /** The teacher's comment on an essay (Markdown); "" when none. */
  graderComment: string;
}

/**
 * Every question of a closed attempt, in the attempt's order, with the
 * answer given, its grade, the right answers and the explanation. Only for a
 * reader entitled to the review (the student once the review policy allows,
 * the course's teacher, an admin): the caller decides. Three statements. The data column (the key of matching, ordering and cloze) is read here only for such a reader.
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
        data: quizQuestions.data,
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
        manualPoints: quizAnswers.manualPoints,
        graderComment: quizAnswers.graderComment,
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
    const typedAnswer = response && "text" in response ? typedText(response) : null;
    // By the type: a response of another type's shape (the question changed type since) answers nothing.
    const answered = response !== null && answersQuestionType(question.type, response);
    const pending = question.type === "essay" && answered && (answer?.manualPoints ?? null) === null;
    return {
      id: question.id,
      number: index + 1,
      type: question.type,
      text: question.text,
      points: attempt.questionPoints[question.id] ?? question.points,
      answered,
      // A pending essay's stored 0 is "not scored yet", not a score: read it as not graded.
      pointsAwarded: pending ? null : answer ? answer.pointsAwarded : answered ? null : 0,
      isCorrect: pending ? null : answer ? answer.isCorrect : answered ? null : false,
      choices: applyOrder(
        choices.filter((choice) => choice.questionId === question.id),
        attempt.choiceOrder[question.id],
      ).map((choice) => ({ id: choice.id, text: choice.text, isCorrect: choice.isCorrect, chosen: chosen.has(choice.id) })),
      typedAnswer,
      acceptedAnswers: question.acceptedAnswers,
      numericValue: question.numericValue,
      numericTolerance: question.numericTolerance,
      partialAnswers: question.type === "short_answer" ? (readAnswerExtras("short_answer", question.data)?.partial ?? []) : [],
      otherNumericAnswers: question.type === "numeric" ? (readAnswerExtras("numeric", question.data)?.others ?? []) : [],
      explanation: question.explanation,
      dataReview: dataReviewOf(question.type, question.data, response),
      pending,
      graderComment: answer?.graderComment ?? "",
    };
  });
}
