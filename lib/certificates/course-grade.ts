import { sql, type SQL } from "drizzle-orm";

// A student's course grade as the gradebook computes it (lib/gradebook:
// assembleStudents): released points of the course's published quizzes,
// assignments and projects over the points of all of them, capped at 100, two
// decimals; a course with no points to earn has none (null here, where the
// gradebook shows 0%). In SQL, so eligibility is decided for every student of
// a course in one statement.

/** The course grade (numeric, 0-100, or null when nothing has points) of the student `userId` in the course `courseId`: both SQL expressions. */
export function courseGradePercentSql(userId: SQL, courseId: SQL): SQL<number | null> {
  const from = sql`FROM learning_tasks gt
    LEFT JOIN task_progress gp ON gp.task_id = gt.id AND gp.user_id = ${userId}
    WHERE gt.course_id = ${courseId} AND gt.status = 'published' AND gt.type IN ('quiz', 'assignment', 'project')`;
  return sql<number | null>`(SELECT CASE WHEN coalesce(sum(gt.max_points), 0) > 0
      THEN round(least(100, coalesce(sum(gp.points_earned) FILTER (WHERE gp.status = 'graded'), 0) * 100.0 / sum(gt.max_points)), 2)
    END ${from})`;
}

/** Whether a grade meets the rule's minimum (no minimum: always). */
export const meetsMinimum = (grade: number | null, minimum: number | null): boolean => minimum === null || (grade ?? 0) >= minimum;
