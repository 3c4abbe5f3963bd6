import { gradingDataOf, readAnswerExtras } from "@/lib/quizzes/question-data";
import type { NormalizedQuestion } from "./schemas";

/** A stored question as far as grading sees it. */
export interface ScoredQuestion {
  type: NormalizedQuestion["type"];
  points: number;
  choices: { id: string | null; isCorrect: boolean }[];
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  /** Stored data of a matching, ordering, cloze or essay question, or a short answer's or numeric question's extra answers. */
  data?: unknown;
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
 * accepted answers or numeric value and tolerance, or the key in its data
 * (pairings, the right order, a blank's points and answers with their weights,
 * the ids answers point at, a short answer's partly right answers and a
 * numeric question's other values with their marks). Rewording a question, a choice, a prompt or an
 * item, its explanation, the order of choices and an essay's grader
 * information leave scores as they are.
 */
export function questionScoreChanged(before: ScoredQuestion, after: ScoredQuestion): boolean {
  if (before.type !== after.type || before.points !== after.points) return true;
  if (correctness(before.choices) !== correctness(after.choices)) return true;
  // Grading compares accepted answers case-insensitively, so a change of case alone scores the same.
  const answers = (question: ScoredQuestion) => question.acceptedAnswers.map((answer) => answer.toLowerCase()).sort();
  if (!sameList(answers(before), answers(after))) return true;
  if (before.numericValue !== after.numericValue || before.numericTolerance !== after.numericTolerance) return true;
  if (extrasKey(before) !== extrasKey(after)) return true;
  return dataKey(before) !== dataKey(after);
}

/** A short answer's partly right answers or a numeric question's other values, in no particular order (grading takes the best match). */
function extrasKey(question: ScoredQuestion): string {
  const extras = readAnswerExtras(question.type, question.data);
  if (extras?.kind === "short_answer") return JSON.stringify(extras.partial.map((answer) => `${answer.weight}:${answer.text.toLowerCase()}`).sort());
  if (extras?.kind === "numeric") return JSON.stringify(extras.others.map((other) => `${other.value}:${other.tolerance}:${other.weight}`).sort());
  return "[]";
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/**
 * What grading reads of the data (ids and the key, no texts bar a blank's
 * accepted answers, which are the key), with the orders grading ignores (of
 * matching prompts and answers, of a dropdown's options) taken out.
 */
function dataKey(question: ScoredQuestion): string {
  const data = gradingDataOf(question.type, question.data);
  if (data?.kind === "matching") return JSON.stringify({ ...data, prompts: byId(data.prompts), answers: byId(data.answers) });
  if (data?.kind === "cloze") return JSON.stringify({ ...data, gaps: data.gaps.map((gap) => (gap.kind === "dropdown" ? { ...gap, options: byId(gap.options) } : gap)) });
  return JSON.stringify(data ?? null);
}
