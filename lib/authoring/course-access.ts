import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, modules } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor, type PolicyAction } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { courseNotFoundMessage, moduleNotFoundMessage } from "./messages";

export interface EditableCourse {
  id: string;
  slug: string;
  status: "draft" | "published" | "archived";
  visibility: "public" | "private";
  teacherId: string;
}

/** The policy actions that each guard one kind of course content, all locked the same way. */
type CourseContentAction = Extract<PolicyAction, "course.update" | "quiz.manage" | "questionBank.manage" | "assignment.manage">;

/**
 * Locks the course row (FOR UPDATE) when the actor may change the content the
 * policy action guards (the structure, its quizzes, its assignments), else
 * fails as not found with the given message. Every change to a course's
 * content takes this one lock first, so two editors at once run one after
 * the other: each reads the positions and versions the previous one wrote.
 */
export async function lockTaughtCourse(
  tx: DbOrTx,
  actor: Actor,
  courseId: string,
  { action = "course.update", notFoundMessage = courseNotFoundMessage }: { action?: CourseContentAction; notFoundMessage?: string } = {},
): Promise<EditableCourse> {
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
  if (!course || !can(actor, action, course)) fail(notFoundMessage);
  return course;
}

/** The structure editor's lock: the course when the actor may edit it, else not found. */
export const lockEditableCourse = (tx: DbOrTx, actor: Actor, courseId: string): Promise<EditableCourse> =>
  lockTaughtCourse(tx, actor, courseId);

/** The module's id when it belongs to the course (whose row the caller has locked); else fails with the message. */
export async function requireCourseModule(tx: DbOrTx, courseId: string, moduleId: string, notFoundMessage = moduleNotFoundMessage): Promise<string> {
  const [row] = await tx
    .select({ id: modules.id })
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.courseId, courseId)));
  if (!row) fail(notFoundMessage);
  return row.id;
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
