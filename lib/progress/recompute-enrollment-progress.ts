import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { EnrollmentStatus } from "@/db/schema/enums";
import { rowsOf } from "@/lib/db/rows";
import { progressPercent, statusAfterProgress } from "./progress";

export interface RecomputedProgress {
  enrollmentId: string;
  userId: string;
  required: number;
  completed: number;
  percent: number;
  status: EnrollmentStatus;
  /** True when this recompute turned the enrolment to completed. */
  justCompleted: boolean;
}

/**
 * Recomputes progress from the rows (lessons, published tasks, completions),
 * never by counting up, for every enrolment of a course or for one student.
 * Call it whenever a course's items or a student's completions change: adding
 * a lesson to a course a student had finished brings the enrolment back to
 * active. Two statements whatever the number of students.
 */
export async function recomputeProgress(
  db: DbOrTx,
  { courseId, userId }: { courseId: string; userId?: string },
): Promise<RecomputedProgress[]> {
  const result = await db.execute(sql`
    WITH required AS (
      SELECT
        (SELECT count(*) FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = ${courseId})
        + (SELECT count(*) FROM learning_tasks t WHERE t.course_id = ${courseId} AND t.status = 'published') AS n
    )
    SELECT e.id, e.user_id AS "userId", e.status, e.progress_percent AS "percent",
      (SELECT n FROM required) AS required,
      (SELECT count(*) FROM lesson_completions c
         JOIN lessons l ON l.id = c.lesson_id JOIN modules m ON m.id = l.module_id
        WHERE m.course_id = ${courseId} AND c.user_id = e.user_id)
      + (SELECT count(*) FROM task_progress p JOIN learning_tasks t ON t.id = p.task_id
          WHERE t.course_id = ${courseId} AND t.status = 'published' AND p.user_id = e.user_id
            AND p.status IN ('completed', 'graded')) AS completed
    FROM enrollments e
    WHERE e.course_id = ${courseId} ${userId ? sql`AND e.user_id = ${userId}` : sql``}`);
  const rows = rowsOf<{
    id: string;
    userId: string;
    status: EnrollmentStatus;
    percent: string | number;
    required: string | number;
    completed: string | number;
  }>(result);

  const recomputed = rows.map((row) => {
    const required = Number(row.required);
    const completed = Number(row.completed);
    const status = statusAfterProgress(row.status, completed, required);
    return {
      id: row.id,
      userId: row.userId,
      required,
      completed,
      percent: progressPercent(completed, required),
      status,
      justCompleted: status === "completed" && row.status !== "completed",
      changed: status !== row.status || progressPercent(completed, required) !== Number(row.percent),
    };
  });

  const changed = recomputed.filter((row) => row.changed);
  if (changed.length > 0) {
    const values = sql.join(
      changed.map((row) => sql`(${row.id}::uuid, ${row.percent}::numeric, ${row.status}::enrollment_status)`),
      sql`, `,
    );
    await db.execute(sql`
      UPDATE enrollments AS e
      SET progress_percent = v.percent,
          status = v.status,
          completed_at = CASE WHEN v.status = 'completed' THEN coalesce(e.completed_at, now()) ELSE NULL END,
          updated_at = now()
      FROM (VALUES ${values}) AS v(id, percent, status)
      WHERE e.id = v.id`);
  }
  return recomputed.map(({ id, changed: _changed, ...row }) => ({ enrollmentId: id, ...row }));
}

/** One student's enrolment in one course; null when there is none. */
export async function recomputeEnrollmentProgress(db: DbOrTx, userId: string, courseId: string) {
  const [row] = await recomputeProgress(db, { courseId, userId });
  return row ? { required: row.required, completed: row.completed, percent: row.percent, status: row.status } : null;
}
