import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohortCourses, cohortMembers, courseSections, courses } from "@/db/schema";
import { fail, invalidInputMessage, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { enrolStudentsInCourse } from "./enrol-students";
import { findCohortForUpdate } from "./manage-cohort";

export interface LinkResult {
  cohortId: string;
  courseId: string;
  sectionId: string | null;
  enrolled: number;
  alreadyEnrolled: number;
  /** Members who are not students, never enrolled. */
  skipped: number;
}

/**
 * Enrols every student member of a cohort in a published course (and one of
 * its sections, when chosen) in one transaction, and keeps the link so that
 * members added later are enrolled as they join. Linking again changes the
 * section and enrols anyone missing. Audited with the counts.
 */
export async function linkCohortToCourse(tx: DbOrTx, actor: Actor, input: { cohortId: string; courseId: string; sectionId: string | null }): Promise<LinkResult> {
  const cohort = await findCohortForUpdate(tx, input.cohortId);
  const [course] = await tx.select({ id: courses.id, title: courses.title, status: courses.status }).from(courses).where(eq(courses.id, input.courseId));
  if (!course) missing("This course does not exist.");
  if (course.status !== "published") fail(invalidInputMessage, { courseId: ["Only a published course takes enrolments."] });
  if (input.sectionId) {
    const [section] = await tx
      .select({ id: courseSections.id })
      .from(courseSections)
      .where(and(eq(courseSections.id, input.sectionId), eq(courseSections.courseId, course.id)));
    if (!section) fail(invalidInputMessage, { sectionId: ["Choose a section of this course."] });
  }
  await tx
    .insert(cohortCourses)
    .values({ cohortId: cohort.id, courseId: course.id, sectionId: input.sectionId, linkedById: actor.id })
    .onConflictDoUpdate({ target: [cohortCourses.cohortId, cohortCourses.courseId], set: { sectionId: input.sectionId } });
  const members = await tx.select({ userId: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohort.id));
  const result = await enrolStudentsInCourse(tx, actor.id, { courseId: course.id, userIds: members.map((row) => row.userId), sectionId: input.sectionId });
  const counts = { enrolled: result.enrolled, alreadyEnrolled: result.alreadyEnrolled, skipped: result.skipped };
  await recordAudit(tx, {
    actorId: actor.id,
    action: "cohort.course_linked",
    entityType: "cohort",
    entityId: cohort.id,
    after: { courseId: course.id, courseTitle: course.title, sectionId: input.sectionId, ...counts },
  });
  return { cohortId: cohort.id, courseId: course.id, sectionId: input.sectionId, ...counts };
}

/** Ends the link: later members are no longer enrolled. Enrolments already made stay, with their progress. */
export async function unlinkCohortFromCourse(tx: DbOrTx, actor: Actor, input: { cohortId: string; courseId: string }) {
  const cohort = await findCohortForUpdate(tx, input.cohortId);
  const removed = await tx
    .delete(cohortCourses)
    .where(and(eq(cohortCourses.cohortId, cohort.id), eq(cohortCourses.courseId, input.courseId)))
    .returning({ courseId: cohortCourses.courseId });
  if (removed.length === 0) missing("This cohort is not linked to that course.");
  await recordAudit(tx, { actorId: actor.id, action: "cohort.course_unlinked", entityType: "cohort", entityId: cohort.id, before: { courseId: input.courseId } });
  return { cohortId: cohort.id, courseId: input.courseId };
}
