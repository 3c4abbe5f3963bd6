import type { MatchingData } from "./types";

/**
 * Partial credit by prompt: the share of prompts matched to their right answer.
 * An unmatched prompt, or one matched to an id that is not among the
 * question's answers, is wrong. Each prompt is graded on its own, so one answer
 * given to several prompts is right only where it belongs.
 */
export function matchingShare(data: MatchingData, matches: ReadonlyMap<string, string>): number {
  if (data.prompts.length === 0) return 0;
  const answerIds = new Set(data.answers.map((answer) => answer.id));
  const right = data.prompts.filter((prompt) => answerIds.has(prompt.answerId) && matches.get(prompt.id) === prompt.answerId);
  return right.length / data.prompts.length;
}
