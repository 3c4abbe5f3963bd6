import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, courses, enrollments, learningTasks, type Assignment } from "@/db/schema";
import type { CourseStatus, CourseVisibility, EnrollmentStatus, TaskStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";

export interface AssignmentInCourse {
  assignment: Assignment;
  task: { id: string; title: string; description: string; status: TaskStatus; dueAt: Date | null; maxPoints: number | null };
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
  };
}

/**
 * An assignment with its task and course, and the actor's enrolment in the
 * course. `lockEnrollment` then takes the enrolment row FOR UPDATE (apart:
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
        dueAt: learningTasks.dueAt,
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
      },
    })
    .from(assignments)
    .innerJoin(learningTasks, eq(learningTasks.id, assignments.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(assignments.taskId, taskId));
  if (row?.course.enrollmentId && lockEnrollment) {
    await db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.id, row.course.enrollmentId)).for("update");
  }
  return row ?? null;
}
