import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import { publishAll } from "@/lib/events/publish";
import type { WorkerJob } from "./job";

/**
 * Claims every (task, due date) pair of a published task in a published
 * course due within the next 24 hours and still ahead, and publishes one
 * `task.due_soon` event per pair claimed, in one transaction and a fixed
 * number of statements whatever their number. The claim's primary key makes a second
 * run (or a second worker) publish nothing for the same pair, while a moved
 * due date is a new pair and gets its own reminder. Who is told (students who
 * have not finished, keep the task's due date, and may open the task) is
 * the event handlers' business. Sections' due dates are claimed like the task's
 * own; students' own due dates are claimed alongside.
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
        -- A section's own due date is one more date of the task: claimed
        -- once, it reminds the students whose date it is (task-deadlines.ts).
        UNION
        SELECT DISTINCT so.task_id, so.due_at
        FROM section_task_overrides so
        JOIN learning_tasks t ON t.id = so.task_id AND t.status = 'published'
        JOIN courses c ON c.id = t.course_id AND c.status = 'published'
        WHERE so.due_at > ${now.toISOString()}::timestamptz
          AND so.due_at <= ${now.toISOString()}::timestamptz + interval '24 hours'
        ON CONFLICT DO NOTHING
        RETURNING task_id, due_at
      )
      -- ISO text keeps the microseconds the handler compares the due date with.
      SELECT claimed.task_id, t.course_id, to_json(claimed.due_at) #>> '{}' AS due_at
      FROM claimed JOIN learning_tasks t ON t.id = claimed.task_id`),
  );
  const claimedOverrides = await claimOverrideReminders(tx, now);
  await publishAll(tx, [
    ...claimed.map((row) => ({
      type: "task.due_soon" as const,
      aggregateId: row.task_id,
      payload: { taskId: row.task_id, courseId: row.course_id, dueAt: row.due_at },
    })),
    ...claimedOverrides.map((row) => ({
      type: "task.override_due_soon" as const,
      aggregateId: row.task_id,
      payload: { overrideId: row.override_id, taskId: row.task_id, courseId: row.course_id, userId: row.user_id, dueAt: row.due_at },
    })),
  ]);
  return claimed.length + claimedOverrides.length;
}

/**
 * The same claim for students' own due dates (overrides), once per
 * (override, due date) in task_override_reminders: one statement. The
 * task's reminder leaves these students out (lib/notifications/task-deadlines.ts).
 */
async function claimOverrideReminders(tx: DbOrTx, now: Date) {
  return rowsOf<{ override_id: string; task_id: string; course_id: string; user_id: string; due_at: string }>(
    await tx.execute(sql`
      WITH claimed AS (
        INSERT INTO task_override_reminders (override_id, due_at)
        SELECT o.id, o.due_at
        FROM task_overrides o
        JOIN learning_tasks t ON t.id = o.task_id AND t.status = 'published'
        JOIN courses c ON c.id = t.course_id AND c.status = 'published'
        WHERE o.due_at > ${now.toISOString()}::timestamptz
          AND o.due_at <= ${now.toISOString()}::timestamptz + interval '24 hours'
        ON CONFLICT DO NOTHING
        RETURNING override_id, due_at
      )
      SELECT claimed.override_id, o.task_id, t.course_id, o.user_id, to_json(claimed.due_at) #>> '{}' AS due_at
      FROM claimed
      JOIN task_overrides o ON o.id = claimed.override_id
      JOIN learning_tasks t ON t.id = o.task_id`),
  );
}

export const dueSoonJob: WorkerJob = {
  name: "due-soon-reminders",
  cron: "*/5 * * * *",
  run: (db, now) => db.transaction((tx) => publishDueSoonReminders(tx, now)),
};
