import { normaliseShortAnswer, parseNumericAnswer, withinTolerance } from "./answer-text";
import type { WeightedNumericAnswer, WeightedTextAnswer } from "./types";

const best = (weights: number[]): number | null => (weights.length > 0 ? Math.max(...weights) : null);

/**
 * The best weight among the answers the typed text matches (compared as short
 * answers are), or null when it matches none. Blank text matches nothing, not
 * even a blank answer.
 */
export function bestTextAnswerWeight(typed: string, answers: readonly WeightedTextAnswer[]): number | null {
  const answer = normaliseShortAnswer(typed);
  if (answer === "") return null;
  return best(answers.filter((accepted) => normaliseShortAnswer(accepted.text) === answer).map((accepted) => accepted.weight));
}

/** The best weight among the values within whose tolerance the typed number falls, or null (also for text that is no number). */
export function bestNumericAnswerWeight(typed: string, answers: readonly WeightedNumericAnswer[]): number | null {
  const answer = parseNumericAnswer(typed);
  if (answer === null) return null;
  return best(answers.filter((accepted) => withinTolerance(answer, accepted.value, accepted.tolerance)).map((accepted) => accepted.weight));
}
