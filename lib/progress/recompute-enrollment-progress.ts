import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { EnrollmentStatus, ProgressScope } from "@/db/schema/enums";
import { rowsOf } from "@/lib/db/rows";
import { courseRelease, hasRules } from "@/lib/pacing/course-release";
import { loadPacedCourse, loadStudentFacts } from "@/lib/pacing/load-release";
import { releasedCounts } from "@/lib/pacing/paced-progress";
import { progressPercent, statusAfterProgress } from "./progress";

export interface RecomputedProgress {
  enrollmentId: string;
  userId: string;
  /** The items counted: all of them, or under the "released" scope those released to the student (or done). */
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
 *
 * A course whose progress scope is "released" and that has release rules
 * counts, per student, only the items released to it (or done by it), from
 * its rows (five statements more, whatever the number of students); the
 * enrolment still completes only once every item is done.
 */
export async function recomputeProgress(
  db: DbOrTx,
  { courseId, userId, now = new Date() }: { courseId: string; userId?: string; now?: Date },
): Promise<RecomputedProgress[]> {
  const result = await db.execute(sql`
    WITH required AS (
      SELECT
        (SELECT count(*) FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = ${courseId})
        + (SELECT count(*) FROM learning_tasks t WHERE t.course_id = ${courseId} AND t.status = 'published') AS n
    )
    SELECT e.id, e.user_id AS "userId", e.status, e.progress_percent AS "percent",
      (SELECT progress_scope FROM courses WHERE id = ${courseId}) AS scope,
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
    scope: ProgressScope;
  }>(result);

  const released = rows[0]?.scope === "released" ? await releasedCountsOf(db, courseId, rows.map((row) => row.userId), now) : null;
  const recomputed = rows.map((row) => {
    const required = Number(row.required);
    const completed = Number(row.completed);
    // Completion always takes every item; the percentage may count the released ones only.
    const status = statusAfterProgress(row.status, completed, required);
    const counted = released?.get(row.userId) ?? { required, completed };
    const percent = progressPercent(counted.completed, counted.required);
    return {
      id: row.id,
      userId: row.userId,
      required: counted.required,
      completed: counted.completed,
      percent,
      status,
      justCompleted: status === "completed" && row.status !== "completed",
      changed: status !== row.status || percent !== Number(row.percent),
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

/** Released items per student of a course with rules; null for a course without any (every item counts then). */
async function releasedCountsOf(db: DbOrTx, courseId: string, userIds: string[], now: Date) {
  const course = await loadPacedCourse(db, courseId);
  if (!hasRules(course)) return null;
  const facts = await loadStudentFacts(db, { courseId, userIds });
  const counts = new Map<string, { required: number; completed: number }>();
  for (const id of userIds) {
    const own = facts.get(id)!;
    counts.set(id, releasedCounts(course, own, courseRelease(course, own, now)));
  }
  return counts;
}

/** One student's enrolment in one course; null when there is none. */
export async function recomputeEnrollmentProgress(db: DbOrTx, userId: string, courseId: string) {
  const [row] = await recomputeProgress(db, { courseId, userId });
  return row ? { required: row.required, completed: row.completed, percent: row.percent, status: row.status } : null;
}
