import { and, eq, lte, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Transaction } from "@/db";
import { quizAttempts } from "@/db/schema";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";

export interface ClosedAttempt {
  id: string;
  taskId: string;
  userId: string;
}

/**
 * Submits every attempt still open past its deadline, as of its deadline and
 * with the answers saved before it (later saves were refused), then grades
 * them. Narrow it to a quiz and/or a student; `now` is injectable for tests.
 *
 * Safe against a student's own submit at the same moment: the UPDATE only
 * takes rows still in progress, so an attempt is closed (and graded) once.
 */
export async function closeExpiredAttempts(
  db: DbOrTx,
  { taskId, userId, now = new Date() }: { taskId?: string; userId?: string; now?: Date } = {},
): Promise<ClosedAttempt[]> {
  const close = async (tx: DbOrTx | Transaction) => {
    const closed = await tx
      .update(quizAttempts)
      .set({ status: "submitted", submittedAt: sql`${quizAttempts.deadlineAt}`, updatedAt: now })
      .where(
        and(
          eq(quizAttempts.status, "in_progress"),
          lte(quizAttempts.deadlineAt, now),
          taskId ? eq(quizAttempts.taskId, taskId) : undefined,
          userId ? eq(quizAttempts.userId, userId) : undefined,
        ),
      )
      .returning({ id: quizAttempts.id, taskId: quizAttempts.taskId, userId: quizAttempts.userId });
    const byTask = new Map<string, string[]>();
    for (const attempt of closed) byTask.set(attempt.taskId, [...(byTask.get(attempt.taskId) ?? []), attempt.id]);
    for (const [closedTaskId, attemptIds] of byTask) await gradeClosedAttempts(tx, { taskId: closedTaskId, attemptIds });
    return closed;
  };
  // Inside a caller's transaction (a quiz start, an API call) the UPDATE and the
  // grading already commit or fail together: a savepoint of their own would only
  // add two statements to every such request.
  return db instanceof PgTransaction ? close(db) : db.transaction(close);
}

/** Closes one attempt found open past its deadline, as of the deadline, and grades it. */
export async function closeAttemptAtDeadline(
  tx: DbOrTx,
  attempt: { id: string; taskId: string; deadlineAt: Date | null },
  actorId: string | null,
): Promise<boolean> {
  if (!attempt.deadlineAt) return false;
  const closed = await tx
    .update(quizAttempts)
    .set({ status: "submitted", submittedAt: attempt.deadlineAt, updatedAt: new Date() })
    .where(and(eq(quizAttempts.id, attempt.id), eq(quizAttempts.status, "in_progress")))
    .returning({ id: quizAttempts.id });
  if (closed.length === 0) return false;
  await gradeClosedAttempts(tx, { taskId: attempt.taskId, attemptIds: [attempt.id], actorId });
  return true;
}
