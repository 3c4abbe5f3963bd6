import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";

/**
 * A student leaves a course. The row and the completions stay, so enrolling
 * again later picks up where the student left off.
 */
export async function dropEnrollment(tx: DbOrTx, actor: Actor, courseId: string) {
  const [row] = await tx
    .select({ id: enrollments.id, status: enrollments.status, slug: courses.slug })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.userId, actor.id)))
    .for("update", { of: enrollments });
  if (!row) missing("You are not enrolled in this course.");
  if (row.status === "dropped") fail("You are not enrolled in this course.");
  if (row.status === "suspended") fail("Your enrolment in this course is suspended. Ask your teacher.");
  await tx
    .update(enrollments)
    .set({ status: "dropped", completedAt: null, lastActivityAt: new Date() })
    .where(eq(enrollments.id, row.id));
  await publish(tx, { type: "enrollment.dropped", aggregateId: row.id, payload: { userId: actor.id, courseId } }, actor.id);
  return { slug: row.slug };
}
