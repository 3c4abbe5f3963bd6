import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { submissions, taskProgress } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { assertFresh, gradeSnapshot, lockSubmissionToGrade } from "./graded-submission";
import { applyLatePenalty, latePenaltyPercent } from "./lateness";
import type { GradeSubmissionInput } from "./schemas";

export interface GradeOutcome {
  submissionId: string;
  gradeStatus: "draft" | "released";
  rawPoints: number;
  penaltyPercent: number;
  points: number;
  revision: number;
}

/**
 * Saves a grade as a draft (only graders see it) or releases it to the
 * student. Releasing writes the points to the task progress (status graded),
 * recomputes course progress and publishes `grade.released`; every save is
 * audited with the grade before and after. A grade once released stays
 * released: saving it again changes the released grade.
 */
export async function gradeSubmission(
  tx: DbOrTx,
  actor: Actor,
  input: Required<GradeSubmissionInput> & { points: number; revision: number },
  now: Date = new Date(),
): Promise<GradeOutcome> {
  const target = await lockSubmissionToGrade(tx, actor, input.submissionId);
  assertFresh(target, input.revision);
  const { submission, assignment, task, course } = target;

  const maxPoints = task.maxPoints ?? 0;
  if (input.points > maxPoints) {
    fail(`Points go from 0 to ${maxPoints}.`, { points: [`Enter at most ${maxPoints} points.`] });
  }
  const penaltyPercent = latePenaltyPercent(assignment, { isLate: submission.isLate, daysLate: submission.daysLate });
  const points = applyLatePenalty(input.points, penaltyPercent);
  const release = input.release || submission.gradeStatus === "released";
  const gradeStatus = release ? "released" : "draft";

  const [updated] = await tx
    .update(submissions)
    .set({
      gradeStatus,
      rawPoints: input.points,
      penaltyPercent,
      points,
      feedback: input.feedback.trim(),
      gradedBy: actor.id,
      gradedAt: now,
      releasedAt: release ? (submission.releasedAt ?? now) : null,
      revision: sql`${submissions.revision} + 1`,
      updatedAt: now,
    })
    .where(eq(submissions.id, submission.id))
    .returning();
  const after = updated!;

  await recordAudit(tx, {
    actorId: actor.id,
    action: release ? "submission.grade_released" : "submission.grade_saved",
    entityType: "submission",
    entityId: submission.id,
    before: gradeSnapshot(submission),
    after: gradeSnapshot(after),
  });

  if (release) {
    await tx
      .insert(taskProgress)
      .values({ userId: submission.userId, taskId: task.id, status: "graded", pointsEarned: points, startedAt: submission.submittedAt, completedAt: now })
      .onConflictDoUpdate({
        target: [taskProgress.userId, taskProgress.taskId],
        set: {
          status: "graded",
          pointsEarned: points,
          completedAt: sql`coalesce(${taskProgress.completedAt}, excluded.completed_at)`,
          updatedAt: now,
        },
      });
    const [progress] = await recomputeProgress(tx, { courseId: course.id, userId: submission.userId });
    if (progress?.justCompleted) {
      await publish(
        tx,
        { type: "enrollment.completed", aggregateId: progress.enrollmentId, payload: { userId: submission.userId, courseId: course.id } },
        actor.id,
      );
    }
    await publish(
      tx,
      {
        type: "grade.released",
        aggregateId: submission.id,
        payload: { submissionId: submission.id, taskId: task.id, courseId: course.id, userId: submission.userId, points, maxPoints: task.maxPoints },
      },
      actor.id,
    );
  }

  return { submissionId: submission.id, gradeStatus, rawPoints: input.points, penaltyPercent, points, revision: after.revision };
}
