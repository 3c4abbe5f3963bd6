import type { NormalizedQuestion } from "./schemas";

/** A stored question as far as grading sees it. */
export interface ScoredQuestion {
  type: NormalizedQuestion["type"];
  points: number;
  choices: { id: string | null; isCorrect: boolean }[];
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, index) => item === b[index]);

const correctness = (choices: ScoredQuestion["choices"]) =>
  choices
    .map((choice) => `${choice.id ?? "new"}:${choice.isCorrect}`)
    .sort()
    .join("|");

/**
 * True when saving `after` over `before` can change what an answer scores:
 * its type, points, right choices (a choice added or removed included),
 * accepted answers or numeric value and tolerance. Rewording a question or a
 * choice, its explanation and the order of choices leave scores as they are.
 */
export function questionScoreChanged(before: ScoredQuestion, after: ScoredQuestion): boolean {
  if (before.type !== after.type || before.points !== after.points) return true;
  if (correctness(before.choices) !== correctness(after.choices)) return true;
  // Grading compares accepted answers case-insensitively, so a change of case alone scores the same.
  const answers = (question: ScoredQuestion) => question.acceptedAnswers.map((answer) => answer.toLowerCase()).sort();
  if (!sameList(answers(before), answers(after))) return true;
  return before.numericValue !== after.numericValue || before.numericTolerance !== after.numericTolerance;
}
