import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { submissions, taskProgress } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { assertFresh, gradeSnapshot, lockSubmissionToGrade } from "./graded-submission";
import type { ReturnSubmissionInput } from "./schemas";

/**
 * Sends the work back to the student for another version, with feedback
 * saying why. Any grade on it is withdrawn: the task progress moves back to
 * in progress (the one backward step SPEC allows) and course progress follows.
 */
export async function returnSubmission(
  tx: DbOrTx,
  actor: Actor,
  input: Required<ReturnSubmissionInput> & { revision: number },
  now: Date = new Date(),
): Promise<{ submissionId: string; revision: number }> {
  const target = await lockSubmissionToGrade(tx, actor, input.submissionId);
  assertFresh(target, input.revision);
  const { submission, task, course } = target;

  const [updated] = await tx
    .update(submissions)
    .set({
      gradeStatus: "returned",
      rawPoints: null,
      penaltyPercent: null,
      points: null,
      feedback: input.feedback.trim(),
      gradedBy: actor.id,
      gradedAt: null,
      releasedAt: null,
      revision: sql`${submissions.revision} + 1`,
      updatedAt: now,
    })
    .where(eq(submissions.id, submission.id))
    .returning();

  await recordAudit(tx, {
    actorId: actor.id,
    action: "submission.returned",
    entityType: "submission",
    entityId: submission.id,
    before: gradeSnapshot(submission),
    after: gradeSnapshot(updated!),
  });

  await tx
    .update(taskProgress)
    .set({ status: "in_progress", pointsEarned: null, completedAt: null, updatedAt: now })
    .where(and(eq(taskProgress.userId, submission.userId), eq(taskProgress.taskId, task.id)));
  if (submission.gradeStatus === "released") await recomputeProgress(tx, { courseId: course.id, userId: submission.userId });

  return { submissionId: submission.id, revision: updated!.revision };
}
