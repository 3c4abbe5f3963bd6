import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, quizzes, taskOverrides } from "@/db/schema";
import type { EnrollmentStatus, ReviewPolicy, GradingMethod } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { courseHasRulesSql, requireReleased } from "@/lib/pacing/require-released";
import { studentLimits } from "@/lib/pacing/task-overrides";
import { sectionOverrideColumns } from "@/lib/sections/section-overrides-sql";

export interface TakeableQuiz {
  taskId: string;
  title: string;
  description: string;
  dueAt: Date | null;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
  reviewPolicy: ReviewPolicy;
  enrollmentId: string;
  enrollmentStatus: EnrollmentStatus;
  /** Which of dueAt, timeLimitMinutes and attemptsAllowed are the student's own (an override), not the quiz's. */
  dueAtOverridden: boolean;
  timeLimitOverridden: boolean;
  attemptsOverridden: boolean;
}

/**
 * A published quiz the actor may take (an enrolled student of its published
 * course), or null: absent, a draft, another course's or not enrolled all read
 * as not found. `lockEnrollment` takes the student's enrolment row for update,
 * which serialises this student's starts of any quiz of the course. The due
 * date, time limit and attempts are the student's own where a teacher gave
 * it an override (lib/pacing/effective-task.ts). A quiz not released to the
 * student yet throws ItemLockedFailure. One statement (six more when the
 * course has release rules).
 */
export async function loadTakeableQuiz(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  { slug, lockEnrollment = false }: { slug?: string; lockEnrollment?: boolean } = {},
): Promise<TakeableQuiz | null> {
  const query = db
    .select({
      taskId: learningTasks.id,
      title: learningTasks.title,
      description: learningTasks.description,
      dueAt: learningTasks.dueAt,
      courseId: courses.id,
      courseSlug: courses.slug,
      courseTitle: courses.title,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      timeLimitMinutes: quizzes.timeLimitMinutes,
      attemptsAllowed: quizzes.attemptsAllowed,
      gradingMethod: quizzes.gradingMethod,
      shuffleQuestions: quizzes.shuffleQuestions,
      shuffleChoices: quizzes.shuffleChoices,
      reviewPolicy: quizzes.reviewPolicy,
      enrollmentId: enrollments.id,
      enrollmentStatus: enrollments.status,
      hasRules: courseHasRulesSql(courses.id),
      // The id first: drizzle reads a left-joined object as absent when its first column is null.
      override: {
        id: taskOverrides.id,
        dueAt: taskOverrides.dueAt,
        timeLimitMinutes: taskOverrides.timeLimitMinutes,
        attemptsAllowed: taskOverrides.attemptsAllowed,
      },
      // The student's sections' overrides, merged (most lenient per field), in the same statement.
      sectionOverride: sectionOverrideColumns(learningTasks.id, actor.id),
    })
    .from(learningTasks)
    .innerJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, learningTasks.id), eq(taskOverrides.userId, actor.id)))
    .where(
      and(
        eq(learningTasks.id, taskId),
        eq(learningTasks.type, "quiz"),
        eq(learningTasks.status, "published"),
        slug === undefined ? undefined : eq(courses.slug, slug),
      ),
    );
  const [row] = lockEnrollment ? await query.for("update", { of: enrollments }) : await query;
  if (!row || !can(actor, "quiz.take", row)) return null;
  // Not released to this student yet: every road (intro page, start, the API) reads it as locked, with why.
  await requireReleased(db, actor, { courseId: row.courseId, item: { kind: "task", id: row.taskId }, noun: "quiz", hasRules: row.hasRules });
  const { teacherId: _teacherId, status: _status, visibility: _visibility, hasRules: _hasRules, override, sectionOverride, ...quiz } = row;
  return { ...quiz, ...studentLimits(quiz, override, sectionOverride) };
}
