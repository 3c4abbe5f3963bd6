import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessonCompletions, lessons, modules } from "@/db/schema";
import { missing } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { courseHasRulesSql, requireReleased } from "@/lib/pacing/require-released";
import { recomputeProgress } from "./recompute-enrollment-progress";

/**
 * Marks a lesson complete for the acting student. Idempotent: the unique
 * (user, lesson) row makes a repeat a no-op. The enrolment row is locked first
 * so that completions racing in parallel are counted one after the other and
 * the stored percentage is never computed from a stale snapshot.
 */
export async function completeLesson(tx: DbOrTx, actor: Actor, lessonId: string) {
  const [target] = await tx
    .select({
      courseId: courses.id,
      slug: courses.slug,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      enrollmentId: enrollments.id,
      enrollmentStatus: enrollments.status,
      hasRules: courseHasRulesSql(courses.id),
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(lessons.id, lessonId))
    .for("update", { of: enrollments });
  if (!target || actor.role !== "student" || !can(actor, "course.viewContent", target)) {
    missing("This lesson does not exist or you are not enrolled in its course.");
  }
  // A lesson not released yet cannot be completed (403 with the reason), whatever road the request took.
  await requireReleased(tx, actor, {
    courseId: target.courseId,
    item: { kind: "lesson", id: lessonId },
    noun: "lesson",
    hasRules: target.hasRules,
  });

  const inserted = await tx
    .insert(lessonCompletions)
    .values({ userId: actor.id, lessonId })
    .onConflictDoNothing()
    .returning({ id: lessonCompletions.id });
  await tx.update(enrollments).set({ lastActivityAt: new Date() }).where(eq(enrollments.id, target.enrollmentId));
  const [progress] = await recomputeProgress(tx, { courseId: target.courseId, userId: actor.id });
  if (progress?.justCompleted) {
    await publish(
      tx,
      { type: "enrollment.completed", aggregateId: target.enrollmentId, payload: { userId: actor.id, courseId: target.courseId } },
      actor.id,
    );
  }
  return {
    courseId: target.courseId,
    slug: target.slug,
    newlyCompleted: inserted.length > 0,
    percent: progress?.percent ?? 0,
    completed: progress?.completed ?? 0,
    required: progress?.required ?? 0,
    courseStatus: progress?.status ?? target.enrollmentStatus,
  };
}
