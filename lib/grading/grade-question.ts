import { roundPoints } from "./round";
import type { GradableQuestion, GradingOptions, QuestionGrade, StoredResponse } from "./types";

/**
 * Short answers match whatever the case, the surrounding or repeated spaces and
 * the Unicode form: NFKC folds full-width and compatibility characters ("ＡＢＣ"
 * is "ABC", "ﬁ" is "fi"), and upper- then lower-casing folds case fully, so
 * "STRASSE" matches "Straße". Locale-free, so the server's locale never changes a grade.
 */
export const normaliseShortAnswer = (text: string): string =>
  text.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase().toLowerCase().normalize("NFKC");

// Digits with an optional sign, one decimal point and an exponent; nothing else.
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A numeric answer as typed: an optional sign (the Unicode minus too), digits,
 * one decimal point or decimal comma and an optional exponent, with spaces around
 * it ignored; full-width digits count as digits. Anything else ("", "12 cm",
 * "1/2", "1 2", "1,000.5", "Infinity", "NaN", a value past the largest double)
 * is not a number.
 */
export function parseNumericAnswer(text: string): number | null {
  const cleaned = text.normalize("NFKC").trim().replace(/\u2212/g, "-");
  const decimal = cleaned.includes(".") ? cleaned : cleaned.replace(",", ".");
  if (!numberPattern.test(decimal)) return null;
  const value = Number(decimal);
  return Number.isFinite(value) ? value : null;
}

/**
 * Within tolerance, edges included. A few units in the last place of slack,
 * relative to the numbers compared, absorb binary rounding (1.1 - 1 is
 * 0.10000000000000009, so 1.1 with 1 ± 0.1 counts as right) without letting a
 * really different answer through: with tolerance 0 only the value itself is right.
 */
export function withinTolerance(answer: number, value: number, tolerance: number): boolean {
  const slack = 4 * Number.EPSILON * Math.max(Math.abs(answer), Math.abs(value), tolerance);
  return Math.abs(answer - value) <= tolerance + slack;
}

const isChoiceQuestion = (question: GradableQuestion) =>
  question.type === "single_choice" || question.type === "multiple_choice" || question.type === "true_false";

const chosenIds = (response: StoredResponse | null): string[] =>
  response && "choiceIds" in response && Array.isArray(response.choiceIds) ? [...new Set(response.choiceIds)] : [];

const typedText = (response: StoredResponse | null): string =>
  response && "text" in response && typeof response.text === "string" ? response.text : "";

/** Whether a saved response holds an answer at all: a pick, or some text. */
export function isAnswered(response: StoredResponse | null): boolean {
  return chosenIds(response).length > 0 || typedText(response).trim() !== "";
}

// A response of the wrong kind (text for a choice question, after the teacher
// changed its type) answers nothing.
const answersQuestion = (question: GradableQuestion, response: StoredResponse | null): boolean =>
  isChoiceQuestion(question) ? chosenIds(response).length > 0 : typedText(response).trim() !== "";

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
    answered: answersQuestion(question, response),
    isCorrect: share === 1,
    pointsAwarded: roundPoints(question.points * share),
  };
}
