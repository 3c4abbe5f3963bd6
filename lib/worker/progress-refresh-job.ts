import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import type { WorkerJob } from "./job";

/**
 * The published courses whose progress counts released items only and that
 * have release rules: one statement. Their stored percentages move with
 * time alone (a date passes, days since enrolment add up), with no write to
 * set them off.
 */
export async function coursesWithTimedProgress(db: DbOrTx): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT c.id FROM courses c
      WHERE c.status = 'published' AND c.progress_scope = 'released'
        AND (EXISTS (SELECT 1 FROM modules m WHERE m.course_id = c.id AND m.release_rule IS NOT NULL)
          OR EXISTS (SELECT 1 FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = c.id AND l.release_rule IS NOT NULL)
          OR EXISTS (SELECT 1 FROM learning_tasks t WHERE t.course_id = c.id AND t.release_rule IS NOT NULL))
      ORDER BY c.id`),
  );
  return rows.map((row) => row.id);
}

/**
 * Recomputes the stored progress of every enrolment in those courses, one
 * course per transaction (a fixed number of statements each, whatever its
 * number of students). Idempotent: a second run finds nothing to change.
 * Returns the number of courses refreshed.
 */
export async function refreshReleasedProgress(db: Database, now: Date): Promise<number> {
  const courseIds = await coursesWithTimedProgress(db);
  for (const courseId of courseIds) await db.transaction((tx) => recomputeProgress(tx, { courseId, now }));
  return courseIds.length;
}

export const progressRefreshJob: WorkerJob = {
  name: "progress-refresh",
  cron: "17 * * * *",
  run: (db, now) => refreshReleasedProgress(db, now),
};
