import { gradeQuestion } from "./grade-question";
import { roundPoints } from "./round";
import type { AttemptGrade, GradableQuestion, GradingOptions, StoredResponse } from "./types";

export const percentOf = (points: number, maxPoints: number): number =>
  maxPoints > 0 ? roundPoints(Math.min(100, (points / maxPoints) * 100)) : 0;

/** Every question of the quiz graded; a question without an answer scores zero. */
export function gradeAttempt(
  questions: GradableQuestion[],
  responses: ReadonlyMap<string, StoredResponse>,
  options: GradingOptions,
): AttemptGrade {
  const graded = questions.map((question) => gradeQuestion(question, responses.get(question.id) ?? null, options));
  const scorePoints = roundPoints(graded.reduce((sum, grade) => sum + grade.pointsAwarded, 0));
  const maxPoints = questions.reduce((sum, question) => sum + question.points, 0);
  return { questions: graded, scorePoints, maxPoints, scorePercent: percentOf(scorePoints, maxPoints) };
}
