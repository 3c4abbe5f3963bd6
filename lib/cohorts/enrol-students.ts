import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, sectionMembers, users } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import { fail } from "@/lib/actions/result";
import { publishAll } from "@/lib/events/publish";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";

// Staff enrolling many students in one course at once (a cohort link, a
// roster import), with the rules of lib/enrollments/enroll-student.ts applied
// set-wise: students only, published courses only, one row per student and
// course (a dropped enrolment is reactivated, keeping its completions), and
// progress recomputed from the rows. A suspended enrolment is left alone.
// A fixed number of statements whatever the number of students.

export interface BatchEnrolment {
  /** Enrolled now, new or reactivated. */
  enrolled: number;
  /** Already active or completed (or suspended, which staff lift elsewhere). */
  alreadyEnrolled: number;
  /** Not students (or anonymised accounts): never enrolled. */
  skipped: number;
  /** Every student now enrolled (new or already), e.g. to put in a section. */
  enrolledUserIds: string[];
}

export async function enrolStudentsInCourse(
  tx: DbOrTx,
  actorId: string,
  { courseId, userIds, sectionId = null }: { courseId: string; userIds: string[]; sectionId?: string | null },
): Promise<BatchEnrolment> {
  const ids = [...new Set(userIds)];
  const [course] = await tx.select({ id: courses.id, status: courses.status }).from(courses).where(eq(courses.id, courseId));
  if (!course) fail("This course does not exist.", {}, "not_found");
  if (course.status !== "published") fail("This course is not published, so nobody can be enrolled in it.");
  if (ids.length === 0) return { enrolled: 0, alreadyEnrolled: 0, skipped: 0, enrolledUserIds: [] };

  const people = await tx
    .select({ id: users.id, role: users.role, anonymizedAt: users.anonymizedAt, status: enrollments.status })
    .from(users)
    .leftJoin(enrollments, and(eq(enrollments.userId, users.id), eq(enrollments.courseId, courseId)))
    .where(inArray(users.id, ids));
  const students = people.filter((person) => person.role === "student" && person.anonymizedAt === null);
  const toEnrol = students.filter((person) => person.status === null || person.status === "dropped");
  const kept = students.filter((person) => person.status === "active" || person.status === "completed");

  let enrolled: { id: string; userId: string }[] = [];
  if (toEnrol.length > 0) {
    const now = new Date();
    enrolled = await tx
      .insert(enrollments)
      .values(toEnrol.map((person) => ({ userId: person.id, courseId, status: "active" as EnrollmentStatus, enrolledAt: now, lastActivityAt: now })))
      .onConflictDoUpdate({
        target: [enrollments.userId, enrollments.courseId],
        set: { status: "active", completedAt: null, lastActivityAt: now },
        // Only a dropped row comes back: one enrolled meanwhile by the student itself stays as it is.
        setWhere: sql`${enrollments.status} = 'dropped'`,
      })
      .returning({ id: enrollments.id, userId: enrollments.userId });
    const reactivated = new Set(toEnrol.filter((person) => person.status === "dropped").map((person) => person.id));
    await publishAll(
      tx,
      enrolled.map((row) => ({
        type: "enrollment.created" as const,
        aggregateId: row.id,
        payload: { userId: row.userId, courseId, reactivated: reactivated.has(row.userId) },
      })),
      actorId,
    );
    // Completions kept from before a drop may already finish the course.
    if (reactivated.size > 0) await recomputeProgress(tx, { courseId });
  }

  const enrolledUserIds = [...kept.map((person) => person.id), ...enrolled.map((row) => row.userId)];
  if (sectionId && enrolledUserIds.length > 0) {
    await tx
      .insert(sectionMembers)
      .values(enrolledUserIds.map((userId) => ({ sectionId, userId })))
      .onConflictDoNothing();
  }
  return {
    enrolled: enrolled.length,
    alreadyEnrolled: students.length - enrolled.length,
    skipped: ids.length - students.length,
    enrolledUserIds,
  };
}
