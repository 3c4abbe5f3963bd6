import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";

/**
 * The one answer for a course the actor may not edit, whether it is missing or
 * someone else's: another teacher or a student learns nothing from it.
 */
export const courseNotFoundMessage = "This course does not exist.";

/** The editor's WHERE rule: an admin any course, a teacher its own, anyone else none. */
export function editableBy(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (actor.role === "teacher") return eq(courses.teacherId, actor.id);
  return sql`false`;
}

/**
 * Locks the course row for the rest of the transaction (FOR UPDATE), so two
 * status changes or a change and a delete cannot interleave; ownership is in
 * the WHERE and asked of the policy again on the row.
 */
export async function lockEditableCourse(tx: DbOrTx, actor: Actor, courseId: string) {
  const [course] = await tx
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      publishedAt: courses.publishedAt,
      progressScope: courses.progressScope,
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), editableBy(actor)))
    .for("update");
  if (!course || !can(actor, "course.update", course)) fail(courseNotFoundMessage);
  return course;
}

/**
 * Teachers and admins may reach the editor's actions; anyone else gets the
 * answer for a missing course, the same as a teacher asking about another's.
 */
export function mayEditCourses(actor: Actor): boolean {
  return can(actor, "area.teacher") || fail(courseNotFoundMessage);
}
