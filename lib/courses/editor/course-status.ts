import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, lessons, modules } from "@/db/schema";
import type { CourseStatus } from "@/db/schema/enums";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { lockEditableCourse } from "./ownership";

export const noLessonsMessage = "Add at least one lesson before publishing.";

interface Transition {
  from: CourseStatus;
  to: CourseStatus;
  /** The audit entry's action, e.g. "course.published". */
  audit: string;
  /** Shown when the course is not in the `from` status (another tab changed it, say). */
  wrongStatus: string;
}

export async function countLessons(tx: DbOrTx, courseId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, courseId));
  return Number(row?.count ?? 0);
}

/**
 * Moves a course along draft → published → archived (and back to published)
 * on the locked row, with its audit entry; publishing also needs a lesson and
 * announces `course.published` through the events outbox.
 */
export async function changeCourseStatus(tx: DbOrTx, actor: Actor, courseId: string, transition: Transition) {
  const course = await lockEditableCourse(tx, actor, courseId);
  if (course.status !== transition.from) fail(transition.wrongStatus);
  const publishing = transition.to === "published";
  if (publishing && (await countLessons(tx, course.id)) === 0) fail(noLessonsMessage);

  await tx
    .update(courses)
    .set({
      status: transition.to,
      // The first publication date is kept when an archived course is published again.
      ...(publishing ? { publishedAt: course.publishedAt ?? new Date() } : {}),
    })
    .where(eq(courses.id, course.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: transition.audit,
    entityType: "course",
    entityId: course.id,
    before: { status: course.status },
    after: { status: transition.to },
  });
  if (publishing) {
    await publish(
      tx,
      { type: "course.published", aggregateId: course.id, payload: { courseId: course.id, teacherId: course.teacherId } },
      actor.id,
    );
  }
  return { id: course.id, slug: course.slug, status: transition.to };
}
