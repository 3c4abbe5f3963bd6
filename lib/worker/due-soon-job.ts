import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import { publishAll } from "@/lib/events/publish";
import type { WorkerJob } from "./job";

/**
 * Claims every (task, due date) pair of a published task in a published
 * course due within the next 24 hours and still ahead, and publishes one
 * `task.due_soon` event per pair claimed, in one transaction and two
 * statements whatever their number. The claim's primary key makes a second
 * run (or a second worker) publish nothing for the same pair, while a moved
 * due date is a new pair and gets its own reminder. Who is told (students who
 * have not finished) is the event handler's business.
 */
export async function publishDueSoonReminders(tx: DbOrTx, now: Date): Promise<number> {
  const claimed = rowsOf<{ task_id: string; course_id: string; due_at: string }>(
    await tx.execute(sql`
      WITH claimed AS (
        INSERT INTO task_due_reminders (task_id, due_at)
        SELECT t.id, t.due_at
        FROM learning_tasks t
        JOIN courses c ON c.id = t.course_id AND c.status = 'published'
        WHERE t.status = 'published'
          AND t.due_at > ${now.toISOString()}::timestamptz
          AND t.due_at <= ${now.toISOString()}::timestamptz + interval '24 hours'
        ON CONFLICT DO NOTHING
        RETURNING task_id, due_at
      )
      -- ISO text keeps the microseconds the handler compares the due date with.
      SELECT claimed.task_id, t.course_id, to_json(claimed.due_at) #>> '{}' AS due_at
      FROM claimed JOIN learning_tasks t ON t.id = claimed.task_id`),
  );
  await publishAll(
    tx,
    claimed.map((row) => ({
      type: "task.due_soon" as const,
      aggregateId: row.task_id,
      payload: { taskId: row.task_id, courseId: row.course_id, dueAt: row.due_at },
    })),
  );
  return claimed.length;
}

export const dueSoonJob: WorkerJob = {
  name: "due-soon-reminders",
  cron: "*/5 * * * *",
  run: (db, now) => db.transaction((tx) => publishDueSoonReminders(tx, now)),
};
