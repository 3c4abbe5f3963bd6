import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { SelectedFields } from "drizzle-orm/pg-core";
import { courses, learningTasks, quizAttempts } from "@/db/schema";
import { can, type Actor, type CourseResource } from "@/lib/auth/policy";
import { teachesStudent, teachesStudentSection } from "@/lib/sections/section-scope";

// What the essay grading page and the grading action both read of an attempt,
// with its course for the policy: one select, so the page never shows a form
// that the action would refuse, or the other way round.

const attemptColumns = (actor: Actor) => ({
  id: quizAttempts.id,
  status: quizAttempts.status,
  gradingPending: quizAttempts.gradingPending,
  questionOrder: quizAttempts.questionOrder,
  questionPoints: quizAttempts.questionPoints,
  teacherId: courses.teacherId,
  courseStatus: courses.status,
  visibility: courses.visibility,
  // A section teacher grades the attempts of its sections' students only.
  sectionTeacher: teachesStudentSection(actor, courses.id, quizAttempts.userId),
});

/**
 * Attempts matching `where` in the courses the actor teaches (all for an
 * admin; a section teacher's sections' students), with `extra` columns; the
 * caller may lock them (`.for("update")`).
 */
export function selectAttemptsToGrade<Extra extends SelectedFields = Record<never, never>>(db: DbOrTx, actor: Actor, where: SQL | undefined, extra: Extra = {} as Extra) {
  const columns: ReturnType<typeof attemptColumns> & Extra = { ...attemptColumns(actor), ...extra };
  return db
    .select(columns)
    .from(quizAttempts)
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(where, teachesStudent(actor, { courseId: courses.id, teacherId: courses.teacherId, userId: quizAttempts.userId })));
}

/** Whether the actor may grade the quiz of an attempt read by selectAttemptsToGrade. */
export const mayGradeAttempt = (
  actor: Actor,
  row: { teacherId: CourseResource["teacherId"]; courseStatus: CourseResource["status"]; visibility: CourseResource["visibility"]; sectionTeacher: boolean },
) => can(actor, "submission.grade", { teacherId: row.teacherId, status: row.courseStatus, visibility: row.visibility, sectionTeacher: row.sectionTeacher });
