import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments } from "@/db/schema";
import { fail, KeptRefusal, missing } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { clearBuckets } from "@/lib/security/rate-counter";
import { enrollmentKeyBucket, enrollmentKeyMatches, reserveKeyGuess } from "./enrollment-key";

export const wrongKeyMessage = "That enrolment key is not correct. Check it with your teacher.";
export const keyThrottledMessage = "Too many wrong enrolment keys. Try again in 15 minutes.";

export type KeyCheck = { ok: true } | { ok: false; message: string };

/**
 * Enrols a student: students only, published courses only, one row per
 * student and course. Enrolling again after dropping reactivates the same
 * row, with the completions the student already had.
 */
export async function enrollStudent(
  tx: DbOrTx,
  actor: Actor,
  { courseId, enrollmentKey }: { courseId: string; enrollmentKey?: string },
) {
  const [course] = await tx
    .select({
      id: courses.id,
      slug: courses.slug,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      enrollmentKey: courses.enrollmentKey,
      enrollmentStatus: enrollments.status,
    })
    .from(courses)
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(courses.id, courseId));
  if (!course || !can(actor, "course.view", course)) missing("This course does not exist.");
  if (actor.role !== "student") fail("Only students enrol in courses.", {}, "forbidden");
  if (!can(actor, "course.enroll", course)) fail("This course is not open for enrolment.");
  if (course.enrollmentStatus === "active" || course.enrollmentStatus === "completed") {
    return { slug: course.slug, alreadyEnrolled: true };
  }
  if (course.enrollmentStatus === "suspended") fail("Your enrolment in this course is suspended. Ask your teacher.");

  if (course.visibility === "private") {
    const result = await checkKey(tx, actor.id, course.id, course.enrollmentKey, enrollmentKey);
    // Returned, not thrown: the failed attempt must be kept to count towards the limit.
    if (!result.ok) return new KeptRefusal(result.message, { enrollmentKey: [result.message] });
  }

  const reactivated = course.enrollmentStatus === "dropped";
  const now = new Date();
  const [row] = await tx
    .insert(enrollments)
    .values({ userId: actor.id, courseId: course.id, status: "active", enrolledAt: now, lastActivityAt: now })
    .onConflictDoUpdate({
      target: [enrollments.userId, enrollments.courseId],
      set: { status: "active", completedAt: null, lastActivityAt: now },
    })
    .returning({ id: enrollments.id });
  // The completions kept from before a drop may already finish the course.
  await recomputeProgress(tx, { courseId: course.id, userId: actor.id });
  await publish(
    tx,
    { type: "enrollment.created", aggregateId: row!.id, payload: { userId: actor.id, courseId: course.id, reactivated } },
    actor.id,
  );
  return { slug: course.slug, alreadyEnrolled: false };
}

async function checkKey(
  tx: DbOrTx,
  userId: string,
  courseId: string,
  expected: string | null,
  given: string | undefined,
): Promise<KeyCheck> {
  if (!given) return { ok: false, message: "This is a private course: enter the enrolment key your teacher gave you." };
  // Every guess is counted before the comparison, so parallel guesses cannot pass the limit.
  if ((await reserveKeyGuess(tx, userId, courseId)).throttled) return { ok: false, message: keyThrottledMessage };
  // A private course without a key is joined by invitation only.
  if (!expected || !enrollmentKeyMatches(expected, given)) return { ok: false, message: wrongKeyMessage };
  await clearBuckets(tx, [enrollmentKeyBucket(userId, courseId)]);
  return { ok: true };
}
