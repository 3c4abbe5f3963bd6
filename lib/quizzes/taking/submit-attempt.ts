import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAttempts } from "@/db/schema";
import type { AttemptStatus } from "@/db/schema/enums";
import { missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { closeAttemptAtDeadline } from "./close-expired-attempts";
import { isPastDeadline } from "./deadline";
import { attemptNotFoundMessage, loadOwnAttempt } from "./own-attempt";

export interface SubmittedAttempt {
  attemptId: string;
  taskId: string;
  slug: string;
  status: AttemptStatus;
  deadlineAt: Date | null;
  submittedAt: Date;
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  /** False when the attempt was already closed and this call only reports it. */
  newlySubmitted: boolean;
  /** True when the deadline had passed: submitted as of the deadline. */
  closedAtDeadline: boolean;
}

/**
 * Submits the actor's attempt and grades it at once. Idempotent: submitting a
 * closed attempt again answers with the same result and changes nothing. Past
 * the deadline it is submitted as of the deadline, with what was saved in time.
 */
export async function submitAttempt(
  tx: DbOrTx,
  actor: Actor,
  attemptId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<SubmittedAttempt> {
  const attempt = await loadOwnAttempt(tx, actor, attemptId, { lock: true });
  if (!attempt) missing(attemptNotFoundMessage);
  const base = { attemptId, taskId: attempt.taskId, slug: attempt.courseSlug, deadlineAt: attempt.deadlineAt };

  if (attempt.status !== "in_progress") {
    return {
      ...base,
      status: attempt.status,
      submittedAt: attempt.submittedAt ?? attempt.startedAt,
      scorePoints: attempt.scorePoints ?? 0,
      maxPoints: attempt.maxPoints ?? 0,
      scorePercent: attempt.scorePercent ?? 0,
      newlySubmitted: false,
      closedAtDeadline: false,
    };
  }

  const late = isPastDeadline(attempt.deadlineAt, now);
  if (late) {
    await closeAttemptAtDeadline(tx, attempt, actor.id);
  } else {
    await tx
      .update(quizAttempts)
      .set({ status: "submitted", submittedAt: now, updatedAt: now })
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, "in_progress")));
    await gradeClosedAttempts(tx, { taskId: attempt.taskId, attemptIds: [attemptId], actorId: actor.id });
  }
  const [graded] = await tx
    .select({
      status: quizAttempts.status,
      submittedAt: quizAttempts.submittedAt,
      scorePoints: quizAttempts.scorePoints,
      maxPoints: quizAttempts.maxPoints,
      scorePercent: quizAttempts.scorePercent,
    })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, attemptId));
  return {
    ...base,
    status: graded?.status ?? "submitted",
    submittedAt: graded?.submittedAt ?? now,
    scorePoints: graded?.scorePoints ?? 0,
    maxPoints: graded?.maxPoints ?? 0,
    scorePercent: graded?.scorePercent ?? 0,
    newlySubmitted: true,
    closedAtDeadline: late,
  };
}
