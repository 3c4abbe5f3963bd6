import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohortCourses, cohortMembers, courses, users } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { enrolStudentsInCourse } from "./enrol-students";

export interface AddedMembers {
  /** Newly in the cohort (those already in it are not counted). */
  added: number;
  /** Enrolments made in the cohort's linked courses for the new members. */
  enrolments: number;
  addedUserIds: string[];
}

/**
 * Puts users in a cohort, all or none: an id that names no user refuses the
 * lot. New members who are students are enrolled, in the same transaction, in
 * every course the cohort is linked to (and its section), so a cohort stays
 * enrolled as it grows. One set of statements per linked course, never per member.
 */
export async function addCohortMembers(tx: DbOrTx, actorId: string, cohortId: string, userIds: string[]): Promise<AddedMembers> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return { added: 0, enrolments: 0, addedUserIds: [] };
  const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  if (found.length !== ids.length) fail("Some of these users do not exist: nobody was added.", { userIds: ["Choose existing users."] });

  const inserted = await tx
    .insert(cohortMembers)
    .values(ids.map((userId) => ({ cohortId, userId })))
    .onConflictDoNothing()
    .returning({ userId: cohortMembers.userId });
  const addedUserIds = inserted.map((row) => row.userId);
  let enrolments = 0;
  if (addedUserIds.length > 0) {
    const links = await tx
      .select({ courseId: cohortCourses.courseId, sectionId: cohortCourses.sectionId })
      .from(cohortCourses)
      .innerJoin(courses, eq(courses.id, cohortCourses.courseId))
      // A linked course since archived takes no new enrolments: the link stays, and enrols again if it reopens.
      .where(and(eq(cohortCourses.cohortId, cohortId), eq(courses.status, "published")));
    for (const link of links) {
      const result = await enrolStudentsInCourse(tx, actorId, { courseId: link.courseId, userIds: addedUserIds, sectionId: link.sectionId });
      enrolments += result.enrolled;
    }
  }
  return { added: addedUserIds.length, enrolments, addedUserIds };
}
