import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { courseNotFoundMessage } from "./messages";


export interface EditableCourse {
  id: string;
  slug: string;
  status: "draft" | "published" | "archived";
  visibility: "public" | "private";
  teacherId: string;
}

/**
 * Locks the course row (FOR UPDATE) when the actor may edit it, else fails as
 * not found. Every structure change takes this lock first, so two edits of the
 * same course run one after the other: each reads the positions the previous
 * one wrote, and positions stay dense whatever the timing.
 */
export async function lockEditableCourse(tx: DbOrTx, actor: Actor, courseId: string): Promise<EditableCourse> {
  const [course] = await tx
    .select({
      id: courses.id,
      slug: courses.slug,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)))
    .for("update");
  if (!course || !can(actor, "course.update", course)) fail(courseNotFoundMessage);
  return course;
}

/**
 * The `authorize` step of every authoring action. It fails (rather than
 * answering false) so that a student, another teacher and a missing course all
 * get the same not-found message.
 */
export async function authorizeCourseEdit(actor: Actor, input: { courseId: string }, tx: DbOrTx): Promise<boolean> {
  await lockEditableCourse(tx, actor, input.courseId);
  return true;
}

/** Keeps the course's "updated" date (teaching dashboard) in step with its content. */
export async function markCourseEdited(tx: DbOrTx, courseId: string): Promise<void> {
  await tx.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, courseId));
}
