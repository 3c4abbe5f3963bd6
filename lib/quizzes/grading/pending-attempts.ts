import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAttempts } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";

/**
 * The actor's own attempts at a quiz whose score is provisional: an essay
 * still waits for the teacher. The student's pages mark them. One statement.
 */
export async function loadOwnPendingAttemptIds(db: DbOrTx, actor: Actor, taskId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.taskId, taskId), eq(quizAttempts.userId, actor.id), eq(quizAttempts.gradingPending, true)));
  return new Set(rows.map((row) => row.id));
}
