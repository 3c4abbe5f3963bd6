import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizSlots, quizzes } from "@/db/schema";

/**
 * The quiz's size follows its slots: a chosen question counts once with its
 * current version's points, a random slot counts its draw count times its
 * points each. Max points are null while the quiz has no slot. Two statements.
 */
export async function syncMaxPoints(tx: DbOrTx, taskId: string): Promise<void> {
  const totals = sql`(
    SELECT coalesce(sum(CASE WHEN s.entry_id IS NULL THEN s.draw_count * s.points ELSE q.points END), 0)::int AS points,
           coalesce(sum(s.draw_count), 0)::int AS questions
    FROM quiz_slots s
    LEFT JOIN quiz_questions q ON q.entry_id = s.entry_id AND q.is_current
    WHERE s.task_id = ${taskId})`;
  await tx.execute(sql`
    UPDATE learning_tasks SET max_points = nullif(t.points, 0), updated_at = now()
    FROM ${totals} AS t WHERE learning_tasks.id = ${taskId}`);
  await tx.execute(sql`
    UPDATE quizzes SET question_count = t.questions, updated_at = now()
    FROM ${totals} AS t WHERE quizzes.task_id = ${taskId}`);
}

/** Re-syncs every quiz that uses one of these bank entries (after an edit changed their points). */
export async function syncQuizzesUsingEntries(tx: DbOrTx, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length === 0) return;
  const rows = await tx.selectDistinct({ taskId: quizSlots.taskId }).from(quizSlots).where(inArray(quizSlots.entryId, [...entryIds]));
  for (const row of rows) await syncMaxPoints(tx, row.taskId);
}

/**
 * Marks a change that can change a score (points, right answers, grading
 * rules, a question added or removed): attempts graded at an older version
 * become stale and the builder offers to re-grade them.
 */
export async function bumpContentVersion(tx: DbOrTx, taskId: string): Promise<void> {
  await tx
    .update(quizzes)
    .set({ contentVersion: sql`${quizzes.contentVersion} + 1`, updatedAt: new Date() })
    .where(eq(quizzes.taskId, taskId));
}
