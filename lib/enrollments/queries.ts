import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessonCompletions, lessons, modules, users } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";

export interface MyEnrollmentRow {
  courseId: string;
  slug: string;
  title: string;
  subject: string;
  teacherName: string;
  status: EnrollmentStatus;
  progressPercent: number;
  lessonCount: number;
  completedLessonCount: number;
  lastActivityAt: Date;
  completedAt: Date | null;
}

/** The acting student's own enrolments (never someone else's), with counts. One statement. */
export async function listMyEnrollments(db: DbOrTx, actor: Actor): Promise<MyEnrollmentRow[]> {
  return db
    .select({
      courseId: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      teacherName: sql<string>`coalesce(${users.displayName}, ${users.username})`,
      status: enrollments.status,
      progressPercent: enrollments.progressPercent,
      lessonCount: sql<number>`(
        SELECT count(*)::int FROM ${lessons} JOIN ${modules} ON ${modules.id} = ${lessons.moduleId}
        WHERE ${modules.courseId} = ${courses.id})`,
      completedLessonCount: sql<number>`(
        SELECT count(*)::int FROM ${lessonCompletions}
        JOIN ${lessons} ON ${lessons.id} = ${lessonCompletions.lessonId}
        JOIN ${modules} ON ${modules.id} = ${lessons.moduleId}
        WHERE ${modules.courseId} = ${courses.id} AND ${lessonCompletions.userId} = ${enrollments.userId})`,
      lastActivityAt: enrollments.lastActivityAt,
      completedAt: enrollments.completedAt,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(
      and(
        eq(enrollments.userId, actor.id),
        inArray(enrollments.status, ["active", "completed"]),
        // A draft is invisible to students even if they were enrolled before.
        inArray(courses.status, ["published", "archived"]),
      ),
    )
    .orderBy(desc(enrollments.lastActivityAt));
}
