import { roundPoints } from "./round";
import type { GradableQuestion, GradingOptions, QuestionGrade, StoredResponse } from "./types";

/** Short answers match whatever the case and the surrounding or repeated spaces. */
export const normaliseShortAnswer = (text: string): string => text.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/**
 * A numeric answer as typed: digits with an optional sign, decimal point (or
 * comma) and exponent. Anything else (empty, "12 cm", "1/2") is not a number.
 */
export function parseNumericAnswer(text: string): number | null {
  const cleaned = text.trim().replace(/\s+/g, "").replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * Within tolerance, edges included. The slack absorbs binary rounding
 * (0.3 - 0.1 is 0.19999999999999998), so 0.1 with 0.2 ± 0.1 counts as right.
 */
export function withinTolerance(answer: number, value: number, tolerance: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(value), Math.abs(tolerance));
  return Math.abs(answer - value) <= tolerance + slack;
}

const chosenIds = (response: StoredResponse | null): string[] =>
  response && "choiceIds" in response ? [...new Set(response.choiceIds)] : [];

const typedText = (response: StoredResponse | null): string =>
  response && "text" in response ? response.text : "";

export function isAnswered(response: StoredResponse | null): boolean {
  if (!response) return false;
  return "choiceIds" in response ? response.choiceIds.length > 0 : response.text.trim() !== "";
}

function fraction(question: GradableQuestion, response: StoredResponse | null, options: GradingOptions): number {
  switch (question.type) {
    case "single_choice":
    case "true_false": {
      const picked = chosenIds(response);
      if (picked.length !== 1) return 0;
      return question.choices.some((choice) => choice.id === picked[0] && choice.isCorrect) ? 1 : 0;
    }
    case "multiple_choice": {
      const picked = new Set(chosenIds(response));
      const correct = question.choices.filter((choice) => choice.isCorrect);
      if (correct.length === 0) return 0;
      // Ids that are no longer choices of the question (deleted since) count for nothing.
      const right = correct.filter((choice) => picked.has(choice.id)).length;
      const wrong = question.choices.filter((choice) => !choice.isCorrect && picked.has(choice.id)).length;
      if (right === correct.length && wrong === 0) return 1;
      if (!options.partialCredit) return 0;
      return Math.max(0, right - wrong) / correct.length;
    }
    case "short_answer": {
      const answer = normaliseShortAnswer(typedText(response));
      if (answer === "") return 0;
      return question.acceptedAnswers.some((accepted) => normaliseShortAnswer(accepted) === answer) ? 1 : 0;
    }
    case "numeric": {
      const answer = parseNumericAnswer(typedText(response));
      if (answer === null || question.numericValue === null) return 0;
      return withinTolerance(answer, question.numericValue, question.numericTolerance) ? 1 : 0;
    }
  }
}

/** One question's score by SPEC's rules: all or nothing, except partial credit on multiple choice. */
export function gradeQuestion(
  question: GradableQuestion,
  response: StoredResponse | null,
  options: GradingOptions,
): QuestionGrade {
  const share = fraction(question, response, options);
  return {
    questionId: question.id,
    answered: isAnswered(response),
    isCorrect: share === 1,
    pointsAwarded: roundPoints(question.points * share),
  };
}
