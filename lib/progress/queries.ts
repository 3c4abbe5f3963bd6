import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, lessonCompletions, lessons, modules, taskProgress, users } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { can, type Actor } from "@/lib/auth/policy";
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

const completionKeys: SortKey[] = [
  { expr: lessonCompletions.completedAt, direction: "desc", cast: "timestamptz" },
  { expr: lessonCompletions.id, direction: "asc", cast: "uuid" },
];

/**
 * One keyset page of the acting student's own lesson completions, newest
 * first, optionally of one course; completions in a course back in draft are
 * hidden, like the course. One statement.
 */
export async function listMyCompletionsAfter(
  db: DbOrTx,
  actor: Actor,
  params: { courseId?: string; cursor?: string; limit: number },
) {
  return db
    .select({
      lessonId: lessonCompletions.lessonId,
      courseId: courses.id,
      completedAt: lessonCompletions.completedAt,
      cursor: cursorColumn(completionKeys),
    })
    .from(lessonCompletions)
    .innerJoin(lessons, eq(lessons.id, lessonCompletions.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(
      and(
        eq(lessonCompletions.userId, actor.id),
        inArray(courses.status, ["published", "archived"]),
        params.courseId ? eq(courses.id, params.courseId) : undefined,
        afterCursor(completionKeys, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(completionKeys))
    .limit(params.limit + 1);
}

const taskProgressKeys: SortKey[] = [
  { expr: taskProgress.updatedAt, direction: "desc", cast: "timestamptz" },
  { expr: taskProgress.id, direction: "asc", cast: "uuid" },
];

/**
 * One keyset page of a student's task progress, most recently changed first,
 * optionally of one course. The caller decides whose rows these may be: the
 * actor's own (`asStudent`: tasks and courses in draft are hidden, as the
 * pages hide them), or a student of a course the actor teaches or an admin
 * (every row of that course). One statement.
 */
export async function listTaskProgressAfter(
  db: DbOrTx,
  params: { studentId: string; asStudent: boolean; courseId?: string; cursor?: string; limit: number },
) {
  return db
    .select({
      id: taskProgress.id,
      taskId: taskProgress.taskId,
      courseId: learningTasks.courseId,
      studentId: taskProgress.userId,
      status: taskProgress.status,
      pointsEarned: taskProgress.pointsEarned,
      startedAt: taskProgress.startedAt,
      completedAt: taskProgress.completedAt,
      updatedAt: taskProgress.updatedAt,
      cursor: cursorColumn(taskProgressKeys),
    })
    .from(taskProgress)
    .innerJoin(learningTasks, eq(learningTasks.id, taskProgress.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(
      and(
        eq(taskProgress.userId, params.studentId),
        params.asStudent ? inArray(learningTasks.status, ["published", "archived"]) : undefined,
        params.asStudent ? inArray(courses.status, ["published", "archived"]) : undefined,
        params.courseId ? eq(learningTasks.courseId, params.courseId) : undefined,
        afterCursor(taskProgressKeys, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(taskProgressKeys))
    .limit(params.limit + 1);
}

/**
 * The student whose summary an admin reads: only admins (who read every
 * student's progress) read another's, and only a student has one. Null otherwise (the two read the same). One statement.
 */
export async function loadSummaryStudent(db: DbOrTx, actor: Actor, studentId: string): Promise<SummaryActor | null> {
  if (!can(actor, "report.viewSite")) return null;
  const [student] = await db
    .select({ id: users.id, role: users.role, gradeLevel: users.gradeLevel })
    .from(users)
    .where(and(eq(users.id, studentId), eq(users.role, "student")));
  return student ?? null;
}
