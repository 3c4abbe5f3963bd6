import "server-only";
import { personName } from "@/lib/users/person-search";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { assignments, courses, learningTasks, submissions, taskOverrides, users } from "@/db/schema";
import type { LatePenaltyType, SubmissionGradeStatus } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { dueAtOverriddenSql, effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import { teachesStudentSection } from "@/lib/sections/section-scope";
import { lateness, latePenaltyPercent } from "./lateness";
import { loadVersions, type SubmissionVersion } from "./submission-versions";

export interface SubmissionForGrading {
  submissionId: string;
  revision: number;
  version: number;
  isCurrent: boolean;
  studentName: string;
  course: { id: string; title: string };
  assignment: {
    taskId: string;
    title: string;
    instructions: string;
    maxPoints: number;
    /** The student's due date: its own (an override), else its sections', else the assignment's. */
    dueAt: Date | null;
    dueAtOverridden: boolean;
    latePenaltyType: LatePenaltyType;
    latePenaltyPercent: number;
  };
  text: string;
  submittedAt: Date;
  /** Measured against the student's due date. */
  isLate: boolean;
  daysLate: number;
  /** The penalty this hand-in gets when graded now. */
  penaltyPercent: number;
  gradeStatus: SubmissionGradeStatus;
  rawPoints: number | null;
  points: number | null;
  feedback: string;
  gradedByName: string | null;
  gradedAt: Date | null;
  versions: SubmissionVersion[];
}

const grader = alias(users, "grader");

/** One hand-in with every version of its student, for the course's teacher, a section teacher of the student, or an admin; null reads as not found. Three statements. */
export async function loadSubmissionForGrading(db: DbOrTx, actor: Actor, submissionId: string): Promise<SubmissionForGrading | null> {
  const [row] = await db
    .select({
      submission: submissions,
      assignment: assignments,
      task: { id: learningTasks.id, title: learningTasks.title, maxPoints: learningTasks.maxPoints, dueAt: learningTasks.dueAt },
      course: {
        id: courses.id,
        title: courses.title,
        teacherId: courses.teacherId,
        status: courses.status,
        visibility: courses.visibility,
        // A section teacher grades its sections' students only: another student's work reads as not found.
        sectionTeacher: teachesStudentSection(actor, courses.id, submissions.userId),
      },
      studentName: personName,
      graderName: sql<string | null>`coalesce(${grader.displayName}, ${grader.username})`,
      // The student's own due date, else its sections', else the task's (lib/sections/section-overrides.ts).
      dueAt: sql<Date | null>`${effectiveDueAtSql(taskOverrides.dueAt, submissions.taskId, submissions.userId, learningTasks.dueAt)}`.mapWith(
        learningTasks.dueAt,
      ),
      dueAtOverridden: dueAtOverriddenSql(taskOverrides.dueAt, submissions.taskId, submissions.userId),
    })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.taskId, submissions.taskId))
    .innerJoin(learningTasks, eq(learningTasks.id, submissions.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(users, eq(users.id, submissions.userId))
    .leftJoin(grader, eq(grader.id, submissions.gradedBy))
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, submissions.taskId), eq(taskOverrides.userId, submissions.userId)))
    .where(eq(submissions.id, submissionId));
  if (!row || !can(actor, "submission.grade", row.course)) return null;
  const { submission, assignment, task, course, dueAt, dueAtOverridden } = row;
  // A student with its own (or its section's) due date is late (and penalised) only past that date.
  const late = dueAtOverridden && dueAt ? lateness(dueAt, submission.submittedAt) : { isLate: submission.isLate, daysLate: submission.daysLate };
  return {
    submissionId: submission.id,
    revision: submission.revision,
    version: submission.version,
    isCurrent: submission.isCurrent,
    studentName: row.studentName,
    course: { id: course.id, title: course.title },
    assignment: {
      taskId: task.id,
      title: task.title,
      instructions: assignment.instructions,
      maxPoints: task.maxPoints ?? 0,
      dueAt,
      dueAtOverridden,
      latePenaltyType: assignment.latePenaltyType,
      latePenaltyPercent: assignment.latePenaltyPercent,
    },
    text: submission.text,
    submittedAt: submission.submittedAt,
    isLate: late.isLate,
    daysLate: late.daysLate,
    penaltyPercent: latePenaltyPercent(assignment, late),
    gradeStatus: submission.gradeStatus,
    rawPoints: submission.rawPoints,
    points: submission.points,
    feedback: submission.feedback,
    gradedByName: row.graderName,
    gradedAt: submission.gradedAt,
    versions: await loadVersions(db, { taskId: task.id, userId: submission.userId }),
  };
}
