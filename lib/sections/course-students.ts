import "server-only";
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, enrollments, sectionMembers, users } from "@/db/schema";
import { personName } from "@/lib/users/person-search";
import { outerUserId } from "./outer-columns";

// The students a course's sections are made of: enrolled (active or
// finished) and still students by role.

export const enrolledIn = (courseId: string) =>
  and(eq(enrollments.courseId, courseId), inArray(enrollments.status, ["active", "completed"]), eq(users.role, "student"));

/** In no section of the course (as SQL over `users`). */
export const inNoSectionOf = (courseId: string) =>
  notExists(
    sql`(SELECT 1 FROM ${sectionMembers} sm INNER JOIN ${courseSections} cs ON cs.id = sm.section_id
      WHERE cs.course_id = ${courseId} AND sm.user_id = ${outerUserId})`,
  );

/** Every enrolled student's id, email, username and name, by name. One statement. */
export async function courseStudents(tx: DbOrTx, courseId: string, options: { unassignedOnly?: boolean } = {}) {
  return tx
    .select({ id: users.id, email: users.email, username: users.username, name: personName })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(enrolledIn(courseId), options.unassignedOnly ? inNoSectionOf(courseId) : undefined))
    .orderBy(asc(personName), asc(users.id));
}

