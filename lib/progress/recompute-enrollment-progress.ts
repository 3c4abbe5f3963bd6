import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments } from "@/db/schema";
import { rowsOf } from "@/lib/db/rows";
import { progressPercent, statusAfterProgress } from "./progress";

/**
 * Recomputes a student's progress in a course from the rows (lessons, published
 * tasks, completions), never by incrementing, so repeats cannot skew it.
 */
export async function recomputeEnrollmentProgress(db: DbOrTx, userId: string, courseId: string) {
  const result = await db.execute(sql`
    SELECT
      (SELECT count(*) FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = ${courseId})
      + (SELECT count(*) FROM learning_tasks t WHERE t.course_id = ${courseId} AND t.status = 'published')
        AS required,
      (SELECT count(*) FROM lesson_completions c
         JOIN lessons l ON l.id = c.lesson_id JOIN modules m ON m.id = l.module_id
        WHERE m.course_id = ${courseId} AND c.user_id = ${userId})
      + (SELECT count(*) FROM task_progress p JOIN learning_tasks t ON t.id = p.task_id
          WHERE t.course_id = ${courseId} AND t.status = 'published' AND p.user_id = ${userId}
            AND p.status IN ('completed', 'graded'))
        AS completed`);
  const [row] = rowsOf<{ required: number | string; completed: number | string }>(result);
  const required = Number(row?.required ?? 0);
  const completed = Number(row?.completed ?? 0);

  const [enrollment] = await db
    .select({ id: enrollments.id, status: enrollments.status, completedAt: enrollments.completedAt })
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
  if (!enrollment) return null;
  const status = statusAfterProgress(enrollment.status, completed, required);
  const percent = progressPercent(completed, required);
  await db
    .update(enrollments)
    .set({
      progressPercent: percent,
      status,
      completedAt: status === "completed" ? (enrollment.completedAt ?? new Date()) : null,
    })
    .where(eq(enrollments.id, enrollment.id));
  return { required, completed, percent, status };
}
