import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, courses, learningTasks, submissions, taskOverrides, type Assignment, type Submission } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { dueAtOverriddenSql, effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import { teachesStudentSection } from "@/lib/sections/section-scope";
import { lateness } from "./lateness";

export const submissionNotFoundMessage = "This submission does not exist or you do not teach its course.";

export interface SubmissionToGrade {
  submission: Submission;
  assignment: Assignment;
  /** dueAt is the student's: its own (an override), else its sections', else the assignment's. */
  task: { id: string; title: string; maxPoints: number | null; dueAt: Date | null; dueAtOverridden: boolean };
  course: { id: string; slug: string; teacherId: string };
}

/**
 * The submission locked FOR UPDATE, when the actor may grade its course; else
 * not found. Two graders saving at once are serialised by the lock, and the
 * revision check after it turns the later stale save into a conflict. A
 * student with its own (or its section's) due date has the hand-in's lateness
 * (and so its late penalty) measured against that date.
 */
export async function lockSubmissionToGrade(tx: DbOrTx, actor: Actor, submissionId: string): Promise<SubmissionToGrade> {
  const [row] = await tx
    .select({
      submission: submissions,
      assignment: assignments,
      task: { id: learningTasks.id, title: learningTasks.title, maxPoints: learningTasks.maxPoints, dueAt: learningTasks.dueAt },
      course: {
        id: courses.id,
        slug: courses.slug,
        teacherId: courses.teacherId,
        status: courses.status,
        visibility: courses.visibility,
        // A section teacher grades its sections' students only: another student's work reads as not found.
        sectionTeacher: teachesStudentSection(actor, courses.id, submissions.userId),
      },
      // The student's own due date, else its sections' (lib/sections/section-overrides.ts); null when neither is set.
      ownDueAt: sql<Date | null>`CASE WHEN ${dueAtOverriddenSql(taskOverrides.dueAt, submissions.taskId, submissions.userId)}
        THEN ${effectiveDueAtSql(taskOverrides.dueAt, submissions.taskId, submissions.userId, learningTasks.dueAt)} END`.mapWith(learningTasks.dueAt),
    })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.taskId, submissions.taskId))
    .innerJoin(learningTasks, eq(learningTasks.id, submissions.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, submissions.taskId), eq(taskOverrides.userId, submissions.userId)))
    .where(eq(submissions.id, submissionId))
    .for("update", { of: submissions });
  if (!row || !can(actor, "submission.grade", row.course)) fail(submissionNotFoundMessage);
  const { ownDueAt, ...target } = row;
  if (!ownDueAt) return { ...target, task: { ...target.task, dueAtOverridden: false } };
  const late = lateness(ownDueAt, target.submission.submittedAt);
  return {
    ...target,
    submission: { ...target.submission, isLate: late.isLate, daysLate: late.daysLate },
    task: { ...target.task, dueAt: ownDueAt, dueAtOverridden: true },
  };
}

/** Refuses a save made from a form loaded before someone else's save, or of a superseded version. */
export function assertFresh(target: SubmissionToGrade, revision: number): void {
  if (!target.submission.isCurrent) {
    fail("The student has handed in a newer version since you opened this page. Reload to grade the latest version.");
  }
  if (target.submission.revision !== revision) {
    fail(
      "Someone else saved this submission after you opened it. Reload to see their grade and feedback, then make your change again.",
    );
  }
}

/** The grade as the audit log records it, before and after. */
export const gradeSnapshot = (submission: Pick<Submission, "gradeStatus" | "rawPoints" | "penaltyPercent" | "points" | "feedback">) => ({
  gradeStatus: submission.gradeStatus,
  rawPoints: submission.rawPoints,
  penaltyPercent: submission.penaltyPercent,
  points: submission.points,
  feedback: submission.feedback,
});
