import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, lessonCompletions, lessons, modules, taskProgress } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { buildSubjectSummary, type SubjectSummary } from "./subject-summary";

export interface SummaryActor extends Actor {
  gradeLevel: number | null;
}

// Only courses the student may still read count: an enrolment that is active or
// completed (not dropped or suspended) in a course that is not back in draft.
const visibleEnrollment = (userId: string) =>
  and(
    eq(enrollments.userId, userId),
    inArray(enrollments.status, ["active", "completed"]),
    inArray(courses.status, ["published", "archived"]),
  );

// The schema allows a graded row without completedAt (it only forbids one before
// completion); such a row counts from its last change.
const quizCompletedAt = sql<Date>`coalesce(${taskProgress.completedAt}, ${taskProgress.updatedAt})`.mapWith(
  taskProgress.completedAt,
);

/**
 * The acting student's own completed lessons and quizzes by subject. Two
 * statements, however many courses and completions there are; every row is
 * filtered by the actor's id, never by an id from the request.
 */
export async function loadSubjectSummary(db: DbOrTx, actor: SummaryActor): Promise<SubjectSummary> {
  // One after the other, not in parallel: the caller may pass a transaction,
  // which runs on a single connection.
  const completedLessons = await db
    .select({
      subject: courses.subject,
      courseSlug: courses.slug,
      courseTitle: courses.title,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      completedAt: lessonCompletions.completedAt,
    })
    .from(lessonCompletions)
    .innerJoin(lessons, eq(lessons.id, lessonCompletions.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(enrollments, eq(enrollments.courseId, courses.id))
    .where(and(eq(lessonCompletions.userId, actor.id), visibleEnrollment(actor.id)))
    // Completions saved together (e.g. by the demo seed) then read in course order.
    .orderBy(lessonCompletions.completedAt, courses.title, modules.position, lessons.position, lessons.id);
  const completedQuizzes = await db
    .select({
      subject: courses.subject,
      courseSlug: courses.slug,
      courseTitle: courses.title,
      taskId: learningTasks.id,
      taskTitle: learningTasks.title,
      completedAt: quizCompletedAt,
      pointsEarned: taskProgress.pointsEarned,
      maxPoints: learningTasks.maxPoints,
    })
    .from(taskProgress)
    .innerJoin(learningTasks, eq(learningTasks.id, taskProgress.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(enrollments, eq(enrollments.courseId, courses.id))
    .where(
      and(
        eq(taskProgress.userId, actor.id),
        inArray(taskProgress.status, ["completed", "graded"]),
        eq(learningTasks.type, "quiz"),
        // A quiz the teacher turned back into a draft is hidden, like a draft course.
        inArray(learningTasks.status, ["published", "archived"]),
        visibleEnrollment(actor.id),
      ),
    )
    .orderBy(quizCompletedAt, courses.title, learningTasks.position, learningTasks.id);

  return buildSubjectSummary({ gradeLevel: actor.gradeLevel, completedLessons, completedQuizzes });
}
