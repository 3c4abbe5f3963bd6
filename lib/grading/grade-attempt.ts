import { gradeQuestion } from "./grade-question";
import { roundPoints } from "./round";
import type { AnyResponse, AttemptGrade, GradableQuestion, GradingOptions } from "./types";

export const percentOf = (points: number, maxPoints: number): number =>
  maxPoints > 0 ? roundPoints(Math.min(100, (points / maxPoints) * 100)) : 0;

/**
 * Every question of the quiz graded; a question without an answer scores zero.
 * While an essay waits for its score the attempt is `pending`: its score counts
 * only the graded questions, against the points of all of them.
 */
export function gradeAttempt(
  questions: GradableQuestion[],
  responses: ReadonlyMap<string, AnyResponse>,
  options: GradingOptions,
): AttemptGrade {
  const graded = questions.map((question) => gradeQuestion(question, responses.get(question.id) ?? null, options));
  const scorePoints = roundPoints(graded.reduce((sum, grade) => sum + grade.pointsAwarded, 0));
  const maxPoints = questions.reduce((sum, question) => sum + question.points, 0);
  const grade: AttemptGrade = { questions: graded, scorePoints, maxPoints, scorePercent: percentOf(scorePoints, maxPoints) };
  return graded.some((question) => question.pending === true) ? { ...grade, pending: true } : grade;
}
