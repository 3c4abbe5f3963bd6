// What the calendar reads from the database, for many courses at once: a
// fixed number of statements however many courses, tasks or events there
// are. No "server-only": the iCal feed's route reads through here too.
import { and, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  courseEvents,
  courses,
  enrollments,
  learningTasks,
  lessons,
  modules,
  taskOverrides,
  type CourseEvent,
} from "@/db/schema";
import { sectionOverrideField } from "@/lib/sections/section-overrides-sql";
import type { CourseStatus, TaskStatus, TaskType } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import type { PacedCourse } from "@/lib/pacing/course-release";
import { parseStoredRule, type ReleaseRule } from "@/lib/pacing/release-rule";

export interface CalendarCourse {
  id: string;
  title: string;
  slug: string;
  status: CourseStatus;
  /** The student's enrolment date; null for staff. */
  enrolledAt: Date | null;
}

export interface CalendarRange {
  from: Date;
  to: Date;
  courseId?: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The courses whose dates the actor's calendar shows: a student's published
 * courses it is enrolled in (active or completed; never dropped or suspended),
 * a teacher's courses at any status but archived, and, for an admin, likewise
 * only the courses it teaches itself (a site with hundreds of courses is not
 * one calendar). `courseId` narrows to that course if it is among them. One statement.
 */
export async function loadCalendarCourses(db: DbOrTx, actor: Actor, courseId?: string): Promise<CalendarCourse[]> {
  if (courseId !== undefined && !uuidPattern.test(courseId)) return [];
  const only = courseId === undefined ? undefined : eq(courses.id, courseId);
  if (actor.role === "student") {
    return db
      .select({ id: courses.id, title: courses.title, slug: courses.slug, status: courses.status, enrolledAt: enrollments.enrolledAt })
      .from(courses)
      .innerJoin(
        enrollments,
        and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id), inArray(enrollments.status, ["active", "completed"])),
      )
      .where(and(eq(courses.status, "published"), only))
      .orderBy(courses.title, courses.id);
  }
  return db
    .select({ id: courses.id, title: courses.title, slug: courses.slug, status: courses.status, enrolledAt: sql<Date | null>`NULL::timestamptz` })
    .from(courses)
    .where(and(eq(courses.teacherId, actor.id), ne(courses.status, "archived"), only))
    .orderBy(courses.title, courses.id);
}

export interface CalendarTask {
  id: string;
  courseId: string;
  moduleId: string | null;
  type: TaskType;
  title: string;
  status: TaskStatus;
  /** The task's own due date. */
  dueAt: Date | null;
  /** The reader's override of it, when a teacher gave one. */
  overrideDueAt: Date | null;
  rule: ReleaseRule | null;
  updatedAt: Date;
}

/**
 * Tasks of the courses. For a student every published task (the release
 * rules need them all) with the student's own override joined; for staff
 * every draft or published task due in the range or carrying a rule. One statement.
 */
export async function loadCalendarTasks(db: DbOrTx, actor: Actor, courseIds: string[], range: { from: Date; to: Date }): Promise<CalendarTask[]> {
  if (courseIds.length === 0) return [];
  const student = actor.role === "student";
  const where: SQL | undefined = student
    ? and(inArray(learningTasks.courseId, courseIds), eq(learningTasks.status, "published"))
    : and(
        inArray(learningTasks.courseId, courseIds),
        ne(learningTasks.status, "archived"),
        or(and(gte(learningTasks.dueAt, range.from), lt(learningTasks.dueAt, range.to)), isNotNull(learningTasks.releaseRule)),
      );
  const rows = await db
    .select({
      id: learningTasks.id,
      courseId: learningTasks.courseId,
      moduleId: learningTasks.moduleId,
      type: learningTasks.type,
      title: learningTasks.title,
      status: learningTasks.status,
      dueAt: learningTasks.dueAt,
      // The student's own due date, else its sections' (lib/sections/section-overrides.ts).
      overrideDueAt: sql<Date | null>`coalesce(${taskOverrides.dueAt}, ${sectionOverrideField("dueAt", learningTasks.id, actor.id)})`.mapWith(
        learningTasks.dueAt,
      ),
      rule: learningTasks.releaseRule,
      taskUpdatedAt: learningTasks.updatedAt,
      overrideUpdatedAt: sql<Date | null>`greatest(${taskOverrides.updatedAt}, (SELECT max(sto_u.updated_at) FROM section_task_overrides sto_u
        INNER JOIN section_members sm_u ON sm_u.section_id = sto_u.section_id
        WHERE sto_u.task_id = ${learningTasks.id} AND sm_u.user_id = ${actor.id}::uuid))`.mapWith(learningTasks.updatedAt),
    })
    .from(learningTasks)
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, learningTasks.id), eq(taskOverrides.userId, actor.id)))
    .where(where)
    .orderBy(learningTasks.courseId, learningTasks.position, learningTasks.id);
  return rows.map(({ taskUpdatedAt, overrideUpdatedAt, rule, overrideDueAt, ...task }) => ({
    ...task,
    overrideDueAt: student ? overrideDueAt : null,
    rule: parseStoredRule(rule),
    updatedAt: student && overrideUpdatedAt && overrideUpdatedAt > taskUpdatedAt ? overrideUpdatedAt : taskUpdatedAt,
  }));
}

export interface OutlineItem {
  id: string;
  title: string;
  rule: ReleaseRule | null;
  updatedAt: Date;
}

export interface CourseOutline {
  modules: (OutlineItem & { courseId: string })[];
  lessons: (OutlineItem & { moduleId: string })[];
}

const hasAnyRule = sql`(
  EXISTS (SELECT 1 FROM ${modules} m2 WHERE m2.course_id = ${modules.courseId} AND m2.release_rule IS NOT NULL)
  OR EXISTS (SELECT 1 FROM ${lessons} l2 INNER JOIN ${modules} m3 ON m3.id = l2.module_id
    WHERE m3.course_id = ${modules.courseId} AND l2.release_rule IS NOT NULL)
  OR EXISTS (SELECT 1 FROM ${learningTasks} t2 WHERE t2.course_id = ${modules.courseId} AND t2.release_rule IS NOT NULL))`;

/**
 * Modules and lessons with their rules, per course. A student needs the whole
 * outline of a course with any rule (a module is done when all in it is), and
 * nothing of a course without; staff need only the items that carry a rule. One statement.
 */
export async function loadCalendarOutlines(db: DbOrTx, actor: Actor, courseIds: string[]): Promise<Map<string, CourseOutline>> {
  const outlines = new Map<string, CourseOutline>();
  if (courseIds.length === 0) return outlines;
  const scope =
    actor.role === "student" ? hasAnyRule : or(isNotNull(modules.releaseRule), isNotNull(lessons.releaseRule));
  const rows = await db
    .select({
      courseId: modules.courseId,
      moduleId: modules.id,
      moduleTitle: modules.title,
      moduleRule: modules.releaseRule,
      moduleUpdatedAt: modules.updatedAt,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      lessonRule: lessons.releaseRule,
      lessonUpdatedAt: lessons.updatedAt,
    })
    .from(modules)
    .leftJoin(lessons, eq(lessons.moduleId, modules.id))
    .where(and(inArray(modules.courseId, courseIds), scope))
    .orderBy(modules.courseId, modules.position, lessons.position);
  const seen = new Set<string>();
  for (const row of rows) {
    let outline = outlines.get(row.courseId);
    if (!outline) outlines.set(row.courseId, (outline = { modules: [], lessons: [] }));
    if (!seen.has(row.moduleId)) {
      seen.add(row.moduleId);
      outline.modules.push({ id: row.moduleId, courseId: row.courseId, title: row.moduleTitle, rule: parseStoredRule(row.moduleRule), updatedAt: row.moduleUpdatedAt });
    }
    if (row.lessonId) {
      outline.lessons.push({
        id: row.lessonId,
        moduleId: row.moduleId,
        title: row.lessonTitle!,
        rule: parseStoredRule(row.lessonRule),
        updatedAt: row.lessonUpdatedAt!,
      });
    }
  }
  return outlines;
}

/** The paced shape of one course (lib/pacing/course-release.ts) from its outline and tasks. */
export function pacedCourseOf(outline: CourseOutline, tasks: CalendarTask[]): PacedCourse {
  const moduleIds = new Set(outline.modules.map((courseModule) => courseModule.id));
  return {
    modules: outline.modules.map(({ id, rule }) => ({ id, rule })),
    lessons: outline.lessons.map(({ id, moduleId, rule }) => ({ id, moduleId, rule })),
    tasks: tasks.map((task) => ({
      id: task.id,
      moduleId: task.moduleId && moduleIds.has(task.moduleId) ? task.moduleId : null,
      rule: task.rule,
      published: task.status === "published",
    })),
  };
}

/**
 * Events of the courses that may fall in the range: a single one that meets
 * it, and every series that starts before its end and has not ended before
 * its start (the caller checks the occurrences). One statement.
 */
export async function loadCalendarEvents(db: DbOrTx, courseIds: string[], range: { from: Date; to: Date }): Promise<CourseEvent[]> {
  if (courseIds.length === 0) return [];
  return db
    .select()
    .from(courseEvents)
    .where(
      and(
        inArray(courseEvents.courseId, courseIds),
        lt(courseEvents.startsAt, range.to),
        or(
          and(isNull(courseEvents.recurrence), gte(courseEvents.endsAt, range.from)),
          and(isNotNull(courseEvents.recurrence), or(isNull(courseEvents.recurrenceUntil), gte(courseEvents.recurrenceUntil, range.from))),
        ),
      ),
    )
    .orderBy(courseEvents.startsAt, courseEvents.id);
}
