import { and, eq, sql, type SQL } from "drizzle-orm";
import { courses, enrollments } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";

/**
 * The policy's course.viewContent rule as SQL, for the WHERE of every read of
 * announcements: an admin any course, a teacher the courses it teaches, a
 * student the non-draft courses it is enrolled in (active or finished).
 * A course outside it reads as not found.
 */
export function courseReadableBy(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (actor.role === "teacher") return eq(courses.teacherId, actor.id);
  return and(
    sql`${courses.status} <> 'draft'`,
    sql`EXISTS (SELECT 1 FROM ${enrollments} WHERE ${enrollments.courseId} = ${courses.id}
      AND ${enrollments.userId} = ${actor.id} AND ${enrollments.status} IN ('active', 'completed'))`,
  );
}
