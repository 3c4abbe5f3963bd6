import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { courses, enrollments } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { sectionTeacherCourses } from "@/lib/sections/section-scope";

/**
 * The policy's course.viewContent rule as SQL, for the WHERE of every read of
 * announcements: an admin any course, a teacher the courses it teaches (or
 * teaches a section of), a
 * student the non-draft courses it is enrolled in (active or finished).
 * A course outside it reads as not found.
 */
export function courseReadableBy(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  // A section teacher reads the course it teaches a section of as its staff do.
  if (actor.role === "teacher") return or(eq(courses.teacherId, actor.id), sectionTeacherCourses(actor));
  return and(
    sql`${courses.status} <> 'draft'`,
    sql`EXISTS (SELECT 1 FROM ${enrollments} WHERE ${enrollments.courseId} = ${courses.id}
      AND ${enrollments.userId} = ${actor.id} AND ${enrollments.status} IN ('active', 'completed'))`,
  );
}
