import type { Submission } from "@/db/schema";
import type { SubmissionGradeStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";

export type GradeFields = Pick<Submission, "gradeStatus" | "points" | "rawPoints" | "penaltyPercent" | "feedback" | "gradedAt">;

export interface GradeView {
  gradeStatus: SubmissionGradeStatus;
  points: number | null;
  rawPoints: number | null;
  penaltyPercent: number | null;
  feedback: string | null;
  gradedAt: Date | null;
}

/**
 * What a student may know of the grading of its own work: the state, the
 * grade only once released, the feedback once released or returned. A draft
 * grade reads as ungraded. The assignment page and the API both show this.
 */
export function gradeAsStudentSees(submission: GradeFields): GradeView {
  const released = submission.gradeStatus === "released";
  return {
    gradeStatus: submission.gradeStatus === "draft" ? "ungraded" : submission.gradeStatus,
    points: released ? submission.points : null,
    rawPoints: released ? submission.rawPoints : null,
    penaltyPercent: released ? submission.penaltyPercent : null,
    feedback: released || submission.gradeStatus === "returned" ? submission.feedback : null,
    gradedAt: released ? submission.gradedAt : null,
  };
}

/** The grading as a reader allowed to see the submission sees it: its student as above, a grader (teacher, admin) all of it. */
export function gradeAsSeenBy(actor: Actor, submission: GradeFields): GradeView {
  if (actor.role === "student") return gradeAsStudentSees(submission);
  const { gradeStatus, points, rawPoints, penaltyPercent, feedback, gradedAt } = submission;
  return { gradeStatus, points, rawPoints, penaltyPercent, feedback, gradedAt };
}
