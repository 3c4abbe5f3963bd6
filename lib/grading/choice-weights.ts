import { shareOfWeight } from "./shares";
import type { GradableQuestion } from "./types";

type Choice = GradableQuestion["choices"][number];

const weightOf = (choice: Choice): number | null =>
  typeof choice.weight === "number" && Number.isFinite(choice.weight) ? choice.weight : null;

/** Whether any choice carries its own weight; without one, the rules by isCorrect apply unchanged. */
export const hasChoiceWeights = (choices: readonly Choice[]): boolean => choices.some((choice) => weightOf(choice) !== null);

/**
 * Single choice and true/false with weights: the one pick earns its weight
 * (a choice without one weighs 100 when correct, else 0); a penalty scores zero.
 * No pick, two picks or an id that is no longer a choice earn nothing.
 */
export function weightedSingleChoiceShare(choices: readonly Choice[], picked: readonly string[]): number {
  if (picked.length !== 1) return 0;
  const choice = choices.find((candidate) => candidate.id === picked[0]);
  if (!choice) return 0;
  return shareOfWeight(weightOf(choice) ?? (choice.isCorrect ? 100 : 0));
}

/**
 * Multiple choice with weights (Moodle's multiple-answer rule): the weights of
 * the distinct picks add up, clamped to 0..100, whatever the partial-credit
 * setting. A choice without a weight weighs what partial credit gives it
 * without weights, +100 or -100 divided by the number of correct choices, so a
 * question with a few weights set keeps the rest of its rules.
 */
export function weightedMultipleChoiceShare(choices: readonly Choice[], picked: readonly string[]): number {
  const correctCount = choices.filter((choice) => choice.isCorrect).length;
  const derived = (choice: Choice) => (correctCount === 0 ? 0 : (choice.isCorrect ? 100 : -100) / correctCount);
  const pickedIds = new Set(picked);
  const total = choices
    .filter((choice) => pickedIds.has(choice.id))
    .reduce((sum, choice) => sum + (weightOf(choice) ?? derived(choice)), 0);
  return shareOfWeight(total);
}
