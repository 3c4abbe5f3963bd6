import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import { ActionFailure, missing } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { lockTaughtCourse, type EditableCourse } from "@/lib/authoring/course-access";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { z } from "zod";
import { loadCategoryTree } from "./category-tree";

export const bankCourseNotFoundMessage = "This course does not exist, or you cannot edit its question bank.";
export const bankQuestionNotFoundMessage = "This question does not exist. The page now shows the bank as it is.";

/**
 * Locks the course row (FOR UPDATE) when the actor may manage its question
 * bank, else fails as not found: the lock every change to the course's
 * content takes, so a bank edit and a quiz edit never interleave.
 */
export async function lockBankCourse(tx: DbOrTx, actor: Actor, courseId: string): Promise<EditableCourse> {
  try {
    return await lockTaughtCourse(tx, actor, courseId, { action: "questionBank.manage", notFoundMessage: bankCourseNotFoundMessage });
  } catch (error) {
    // Someone else's course reads as missing (404 in the API), like one that does not exist.
    if (error instanceof ActionFailure && error.userMessage === bankCourseNotFoundMessage) missing(bankCourseNotFoundMessage);
    throw error;
  }
}

/** The `authorize` step of every bank action. */
export async function authorizeBankManage(actor: Actor, input: { courseId: string }, tx: DbOrTx): Promise<boolean> {
  await lockBankCourse(tx, actor, input.courseId);
  return true;
}

export interface BankCourse {
  id: string;
  slug: string;
  title: string;
}

/** The course when the actor may manage its bank (reads, no lock); null otherwise. One statement. */
export async function findBankCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<BankCourse | null> {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title, teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  if (!course || !can(actor, "questionBank.manage", course)) return null;
  return { id: course.id, slug: course.slug, title: course.title };
}

/** A bank page's course and categories, for its teacher or an admin; null for anyone else or a malformed id. Two statements. */
export async function loadBankPageCourse(db: DbOrTx, actor: Actor, courseId: string) {
  if (!z.uuid().safeParse(courseId).success) return null;
  const course = await findBankCourse(db, actor, courseId);
  if (!course) return null;
  return { course, categories: await loadCategoryTree(db, course.id) };
}
