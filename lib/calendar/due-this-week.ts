import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, taskOverrides, taskProgress } from "@/db/schema";
import { effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import type { TaskType } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";

// The dashboards' "Due this week": one statement each, however many courses.

const dayMs = 86_400_000;
/** How far ahead the card looks, and how far back a student's unfinished work stays on it. */
export const dueWindowDays = 7;
export const dueListLimit = 20;
/** An instant as a parameter the way a timestamp column sends it: compared with an expression, a bare Date reaches the driver unencoded. */
const at = (instant: Date) => sql.param(instant, learningTasks.dueAt);
const handedInStatuses = ["submitted", "completed", "graded"] as const;

export interface StudentDueItem {
  taskId: string;
  type: TaskType;
  title: string;
  courseTitle: string;
  courseSlug: string;
  /** The student's own due date: an override's when a teacher gave one. */
  dueAt: Date;
  handedIn: boolean;
  /** Past its due date and not handed in. */
  overdue: boolean;
  path: string;
}

function studentPath(slug: string, task: { id: string; type: TaskType }): string {
  if (task.type === "quiz") return `/learn/${slug}/quiz/${task.id}`;
  if (task.type === "assignment" || task.type === "project") return `/learn/${slug}/assignment/${task.id}`;
  return `/courses/${slug}#task-${task.id}`;
}

/**
 * A student's published tasks due in the next seven days, and those of the
 * last seven it has not handed in (overdue), soonest first, in the published
 * courses it is enrolled in. One statement.
 */
export async function dueThisWeekForStudent(db: DbOrTx, actor: Actor, now = new Date()): Promise<StudentDueItem[]> {
  // The student's own due date, else its sections', else the task's (lib/sections/section-overrides.ts), in SQL so the window can use it.
  const dueAt = sql<Date>`${effectiveDueAtSql(taskOverrides.dueAt, learningTasks.id, actor.id, learningTasks.dueAt)}`.mapWith(learningTasks.dueAt);
  const rows = await db
    .select({
      taskId: learningTasks.id,
      type: learningTasks.type,
      title: learningTasks.title,
      courseTitle: courses.title,
      courseSlug: courses.slug,
      dueAt,
      handedIn: sql<boolean>`COALESCE(${taskProgress.status} IN ('submitted', 'completed', 'graded'), false)`,
    })
    .from(learningTasks)
    .innerJoin(courses, and(eq(courses.id, learningTasks.courseId), eq(courses.status, "published")))
    .innerJoin(
      enrollments,
      and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id), inArray(enrollments.status, ["active", "completed"])),
    )
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, learningTasks.id), eq(taskOverrides.userId, actor.id)))
    .leftJoin(taskProgress, and(eq(taskProgress.taskId, learningTasks.id), eq(taskProgress.userId, actor.id)))
    .where(
      and(
        eq(learningTasks.status, "published"),
        gte(dueAt, at(new Date(now.getTime() - dueWindowDays * dayMs))),
        lt(dueAt, at(new Date(now.getTime() + dueWindowDays * dayMs))),
        // What is past and handed in is done with.
        or(gte(dueAt, at(now)), isNull(taskProgress.status), notInArray(taskProgress.status, [...handedInStatuses])),
      ),
    )
    .orderBy(asc(dueAt), asc(learningTasks.title))
    .limit(dueListLimit);
  return rows.map((row) => ({
    ...row,
    handedIn: Boolean(row.handedIn),
    overdue: row.dueAt < now && !row.handedIn,
    path: studentPath(row.courseSlug, { id: row.taskId, type: row.type }),
  }));
}

export interface TeacherDueItem {
  taskId: string;
  type: TaskType;
  title: string;
  courseId: string;
  courseTitle: string;
  dueAt: Date;
  /** Students who handed it in (submitted, completed or graded). */
  handedIn: number;
  /** Students enrolled in the course now. */
  students: number;
  path: string;
}

/**
 * The published tasks of the courses the actor teaches (an admin: its own
 * too, like its calendar) due in the next seven days, soonest first, with how
 * many students handed each in. One statement.
 */
export async function dueThisWeekForTeacher(db: DbOrTx, actor: Actor, now = new Date()): Promise<TeacherDueItem[]> {
  const rows = await db
    .select({
      taskId: learningTasks.id,
      type: learningTasks.type,
      title: learningTasks.title,
      courseId: courses.id,
      courseTitle: courses.title,
      dueAt: learningTasks.dueAt,
      students: courses.studentCount,
      handedIn: sql<number>`(SELECT count(*)::int FROM ${taskProgress}
        WHERE ${taskProgress.taskId} = ${learningTasks.id} AND ${taskProgress.status} IN ('submitted', 'completed', 'graded'))`,
    })
    .from(learningTasks)
    .innerJoin(courses, and(eq(courses.id, learningTasks.courseId), eq(courses.teacherId, actor.id), ne(courses.status, "archived")))
    .where(
      and(
        eq(learningTasks.status, "published"),
        gte(learningTasks.dueAt, now),
        lt(learningTasks.dueAt, new Date(now.getTime() + dueWindowDays * dayMs)),
      ),
    )
    .orderBy(asc(learningTasks.dueAt), asc(learningTasks.title))
    .limit(dueListLimit);
  return rows.map((row) => ({
    ...row,
    dueAt: row.dueAt!,
    handedIn: Number(row.handedIn),
    path: row.type === "quiz" ? `/teacher/courses/${row.courseId}/quizzes/${row.taskId}/results` : `/teacher/grading`,
  }));
}
