import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, taskOverrides } from "@/db/schema";
import { dueAtOverriddenSql, effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import type { TaskType } from "@/db/schema/enums";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { can, type Actor } from "@/lib/auth/policy";

const taskKeys: SortKey[] = [
  { expr: learningTasks.position, direction: "asc", cast: "integer" },
  { expr: learningTasks.id, direction: "asc", cast: "uuid" },
];

/**
 * One keyset page of a course's learning tasks in position order, for the
 * readers of its content: enrolled students see the published ones, the
 * course's teacher and admins every one (with its status). A student reads
 * its own due date where it has an override. Null for anyone else, as if the
 * course did not exist. Two statements.
 */
export async function listCourseTasksAfter(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  params: { type?: TaskType; cursor?: string; limit: number },
) {
  const [course] = await db
    .select({
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      enrollmentStatus: enrollments.status,
    })
    .from(courses)
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(courses.id, courseId));
  if (!course || !can(actor, "course.viewContent", course)) return null;
  // Drafts and archived tasks are the authors' business; students see what is published.
  const authoring = can(actor, "course.update", course);
  return db
    .select({
      id: learningTasks.id,
      type: learningTasks.type,
      title: learningTasks.title,
      description: learningTasks.description,
      status: learningTasks.status,
      dueAt: sql<Date | null>`${effectiveDueAtSql(taskOverrides.dueAt, learningTasks.id, actor.id, learningTasks.dueAt)}`.mapWith(learningTasks.dueAt),
      dueAtOverridden: dueAtOverriddenSql(taskOverrides.dueAt, learningTasks.id, actor.id),
      maxPoints: learningTasks.maxPoints,
      moduleId: learningTasks.moduleId,
      position: learningTasks.position,
      cursor: cursorColumn(taskKeys),
    })
    .from(learningTasks)
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, learningTasks.id), eq(taskOverrides.userId, actor.id)))
    .where(
      and(
        eq(learningTasks.courseId, courseId),
        authoring ? undefined : eq(learningTasks.status, "published"),
        params.type ? eq(learningTasks.type, params.type) : undefined,
        afterCursor(taskKeys, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(taskKeys))
    .limit(params.limit + 1);
}
