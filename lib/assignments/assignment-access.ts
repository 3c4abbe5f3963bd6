import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, courses, enrollments, learningTasks, taskOverrides, type Assignment } from "@/db/schema";
import { dueAtOverriddenSql, effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import type { CourseStatus, CourseVisibility, EnrollmentStatus, TaskStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { teachesSectionOf } from "@/lib/sections/section-scope";
import { courseHasRulesSql } from "@/lib/pacing/require-released";

export interface AssignmentInCourse {
  assignment: Assignment;
  task: {
    id: string;
    title: string;
    description: string;
    status: TaskStatus;
    /** The actor's due date: its own where a teacher gave it an override, else the assignment's. */
    dueAt: Date | null;
    /** True when dueAt is the actor's own (an override). */
    dueAtOverridden: boolean;
    maxPoints: number | null;
  };
  course: {
    id: string;
    slug: string;
    title: string;
    teacherId: string;
    status: CourseStatus;
    visibility: CourseVisibility;
    /** The actor's own enrolment, for the policy's student rules. */
    enrollmentStatus: EnrollmentStatus | null;
    enrollmentId: string | null;
    /** Whether the course has any release rule (lib/pacing/require-released.ts). */
    hasRules: boolean;
    /** Whether the actor teaches a section of the course (the policy's section teacher rules); false for anyone but a teacher. */
    sectionTeacher: boolean;
  };
}

/**
 * An assignment with its task and course, and the actor's enrolment in the
 * course. The due date is the actor's own where it has an override, so
 * lateness and the submission window follow it on every path. `lockEnrollment` then takes the enrolment row FOR UPDATE (apart:
 * an outer join's nullable side cannot be locked), so that two hand-ins of one
 * student run one after the other and version numbers never clash.
 */
export async function loadAssignmentInCourse(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  { lockEnrollment = false }: { lockEnrollment?: boolean } = {},
): Promise<AssignmentInCourse | null> {
  const [row] = await db
    .select({
      assignment: assignments,
      task: {
        id: learningTasks.id,
        title: learningTasks.title,
        description: learningTasks.description,
        status: learningTasks.status,
        // The student's own due date, else its sections', else the task's (lib/sections/section-overrides.ts).
        dueAt: sql<Date | null>`${effectiveDueAtSql(taskOverrides.dueAt, learningTasks.id, actor.id, learningTasks.dueAt)}`.mapWith(learningTasks.dueAt),
        dueAtOverridden: dueAtOverriddenSql(taskOverrides.dueAt, learningTasks.id, actor.id),
        maxPoints: learningTasks.maxPoints,
      },
      course: {
        id: courses.id,
        slug: courses.slug,
        title: courses.title,
        teacherId: courses.teacherId,
        status: courses.status,
        visibility: courses.visibility,
        enrollmentStatus: enrollments.status,
        enrollmentId: enrollments.id,
        hasRules: courseHasRulesSql(courses.id),
        sectionTeacher: teachesSectionOf(actor, courses.id),
      },
    })
    .from(assignments)
    .innerJoin(learningTasks, eq(learningTasks.id, assignments.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, learningTasks.id), eq(taskOverrides.userId, actor.id)))
    .where(eq(assignments.taskId, taskId));
  if (row?.course.enrollmentId && lockEnrollment) {
    await db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.id, row.course.enrollmentId)).for("update");
  }
  return row ?? null;
}
