import { roundPoints } from "./round";
import type { GradedAttempt, GradingMethod } from "./types";

/**
 * The quiz's score for a student from its submitted attempts: the highest,
 * the latest (by attempt number) or the average. Null with no attempt.
 */
export function combineAttempts(method: GradingMethod, attempts: readonly GradedAttempt[]): number | null {
  if (attempts.length === 0) return null;
  switch (method) {
    case "highest":
      return Math.max(...attempts.map((attempt) => attempt.scorePoints));
    case "latest":
      return attempts.reduce((latest, attempt) => (attempt.attemptNumber > latest.attemptNumber ? attempt : latest)).scorePoints;
    case "average":
      return roundPoints(attempts.reduce((sum, attempt) => sum + attempt.scorePoints, 0) / attempts.length);
  }
}
