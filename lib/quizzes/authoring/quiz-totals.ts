import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, quizQuestions, quizzes } from "@/db/schema";

/** The task's max points follow its questions: their sum, or none while it has no question. */
export async function syncMaxPoints(tx: DbOrTx, taskId: string): Promise<void> {
  await tx
    .update(learningTasks)
    .set({
      maxPoints: sql`(SELECT nullif(coalesce(sum(${quizQuestions.points}), 0), 0)::int FROM ${quizQuestions} WHERE ${quizQuestions.taskId} = ${taskId})`,
      updatedAt: new Date(),
    })
    .where(eq(learningTasks.id, taskId));
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
