// After the run, the database says whether every submitted attempt was graded:
// a score on the attempt and points on each of its saved answers.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/lib/db/rows";

export interface GradingCheck {
  attempts: number;
  submitted: number;
  inProgress: number;
  /** Submitted attempts without a score. */
  unscored: number;
  answers: number;
  /** Answers of submitted attempts without points or a verdict. */
  ungradedAnswers: number;
  /** Points awarded over all submitted attempts, as a cross-check with the answers' sum. */
  scoreSum: number;
  answerPointsSum: number;
}

export async function checkGrading(db: Database, quizTaskId: string): Promise<GradingCheck> {
  const [attempts] = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      SELECT count(*)::int AS attempts,
             count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
             count(*) FILTER (WHERE status = 'submitted' AND (score_points IS NULL OR graded_version IS NULL))::int AS unscored,
             coalesce(sum(score_points) FILTER (WHERE status = 'submitted'), 0)::float8 AS score_sum
      FROM quiz_attempts WHERE task_id = ${quizTaskId}`),
  );
  const [answers] = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      SELECT count(*)::int AS answers,
             count(*) FILTER (WHERE a.points_awarded IS NULL OR a.is_correct IS NULL)::int AS ungraded,
             coalesce(sum(a.points_awarded), 0)::float8 AS points_sum
      FROM quiz_answers a JOIN quiz_attempts t ON t.id = a.attempt_id
      WHERE t.task_id = ${quizTaskId} AND t.status = 'submitted'`),
  );
  return {
    attempts: Number(attempts!.attempts),
    submitted: Number(attempts!.submitted),
    inProgress: Number(attempts!.in_progress),
    unscored: Number(attempts!.unscored),
    answers: Number(answers!.answers),
    ungradedAnswers: Number(answers!.ungraded),
    scoreSum: Number(attempts!.score_sum),
    answerPointsSum: Number(answers!.points_sum),
  };
}
