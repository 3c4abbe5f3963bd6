import { roundPoints } from "./round";
import type { GradableQuestion, QuestionGrade } from "./types";

/**
 * An essay is never graded automatically. With a teacher's score it earns that
 * score, within 0..points and rounded like every score. Without one, an
 * answered essay is pending and earns 0 for now; an unanswered one is not
 * pending (there is nothing to read, as in Moodle) and earns 0. A score that is
 * not a finite number counts as no score.
 */
export function gradeEssay(question: GradableQuestion, answered: boolean, manualPoints: number | undefined): QuestionGrade {
  const grade = { questionId: question.id, answered, isCorrect: false, pointsAwarded: 0 };
  if (manualPoints === undefined || !Number.isFinite(manualPoints)) return answered ? { ...grade, pending: true } : grade;
  const maxPoints = Math.max(0, question.points);
  const pointsAwarded = roundPoints(Math.min(maxPoints, Math.max(0, manualPoints)));
  return { ...grade, isCorrect: pointsAwarded === roundPoints(maxPoints), pointsAwarded };
}
