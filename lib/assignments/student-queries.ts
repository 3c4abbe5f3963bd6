import "server-only";
import type { DbOrTx } from "@/db";
import type { LatePenaltyType } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { requireReleased } from "@/lib/pacing/require-released";
import { loadAssignmentInCourse, type AssignmentInCourse } from "./assignment-access";
import { gradeAsStudentSees, type GradeView } from "./grade-visibility";
import { submissionWindow, type SubmissionWindow } from "./lateness";
import { loadVersions, type VersionFile } from "./submission-versions";

/** A version of the student's work, with what it may know of the grading (see gradeAsStudentSees). */
export interface StudentVersion extends GradeView {
  id: string;
  version: number;
  isCurrent: boolean;
  text: string;
  submittedAt: Date;
  isLate: boolean;
  daysLate: number;
  files: VersionFile[];
}

export interface StudentAssignment {
  taskId: string;
  title: string;
  description: string;
  instructions: string;
  /** The student's due date: its own (an override) or the assignment's. */
  dueAt: Date | null;
  /** True when dueAt is the student's own, given by the teacher. */
  dueAtOverridden: boolean;
  maxPoints: number | null;
  course: { title: string; slug: string };
  allowedFileTypes: string[];
  maxFileSizeMb: number;
  maxFiles: number;
  textEntry: boolean;
  acceptLate: boolean;
  latePenaltyType: LatePenaltyType;
  latePenaltyPercent: number;
  window: SubmissionWindow;
  /** False once a grade is released, until the teacher returns the work. */
  canSubmit: boolean;
  versions: StudentVersion[];
}

/** Whether a student reads this assignment (and its own work on it): a published assignment of a course whose content it sees. */
export const studentReadsAssignment = (actor: Actor, target: AssignmentInCourse) =>
  target.task.status === "published" && can(actor, "course.viewContent", target.course);

/**
 * The assignment page of an enrolled student: the assignment, its own
 * versions, and (only when released or returned) the grade and feedback.
 * A draft grade stays hidden. Null reads as not found; an assignment not
 * released to the student yet throws ItemLockedFailure.
 */
export async function loadStudentAssignment(db: DbOrTx, actor: Actor, slug: string, taskId: string, now = new Date()): Promise<StudentAssignment | null> {
  const target = await loadAssignmentInCourse(db, actor, taskId);
  if (!target || target.course.slug !== slug || !studentReadsAssignment(actor, target)) return null;
  await requireReleased(
    db,
    actor,
    { courseId: target.course.id, item: { kind: "task", id: taskId }, noun: "assignment", hasRules: target.course.hasRules },
    now,
  );
  const { assignment, task, course } = target;
  const versions = await loadVersions(db, { taskId, userId: actor.id });
  const window = submissionWindow({ dueAt: task.dueAt, ...assignment }, now);
  const current = versions.find((version) => version.isCurrent);
  return {
    taskId,
    title: task.title,
    description: task.description,
    instructions: assignment.instructions,
    dueAt: task.dueAt,
    dueAtOverridden: task.dueAtOverridden,
    maxPoints: task.maxPoints,
    course: { title: course.title, slug: course.slug },
    allowedFileTypes: assignment.allowedFileTypes,
    maxFileSizeMb: assignment.maxFileSizeMb,
    maxFiles: assignment.maxFiles,
    textEntry: assignment.textEntry,
    acceptLate: assignment.acceptLate,
    latePenaltyType: assignment.latePenaltyType,
    latePenaltyPercent: assignment.latePenaltyPercent,
    window,
    canSubmit: window !== "closed" && can(actor, "assignment.submit", course) && current?.gradeStatus !== "released",
    versions: versions.map((version) => ({
      id: version.id,
      version: version.version,
      isCurrent: version.isCurrent,
      text: version.text,
      submittedAt: version.submittedAt,
      isLate: version.isLate,
      daysLate: version.daysLate,
      files: version.files,
      ...gradeAsStudentSees(version),
    })),
  };
}
