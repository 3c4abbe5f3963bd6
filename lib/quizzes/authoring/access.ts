import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, quizzes } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { type Actor } from "@/lib/auth/policy";
import { lockTaughtCourse, type EditableCourse } from "@/lib/authoring/course-access";
import { quizCourseNotFoundMessage, quizNotFoundMessage } from "./messages";

export type ManagedCourse = EditableCourse;

/**
 * Locks the course row (FOR UPDATE) when the actor may manage its quizzes,
 * else fails as not found: the same lock the structure editor takes, so
 * positions and versions written by two editors at once never interleave.
 */
export const lockManagedCourse = (tx: DbOrTx, actor: Actor, courseId: string): Promise<ManagedCourse> =>
  lockTaughtCourse(tx, actor, courseId, { action: "quiz.manage", notFoundMessage: quizCourseNotFoundMessage });

/** The `authorize` step of every builder action: fails as not found for anyone but the course's teacher or an admin. */
export async function authorizeQuizManage(actor: Actor, input: { courseId: string }, tx: DbOrTx): Promise<boolean> {
  await lockManagedCourse(tx, actor, input.courseId);
  return true;
}

export interface CourseQuiz {
  id: string;
  moduleId: string | null;
  title: string;
  status: "draft" | "published" | "archived";
  dueAt: Date | null;
  contentVersion: number;
  gradingMethod: "highest" | "latest" | "average";
  partialCredit: boolean;
}

/** The quiz, when it is a quiz of the course (whose row the caller has locked); else not found. */
export async function findCourseQuiz(tx: DbOrTx, courseId: string, taskId: string): Promise<CourseQuiz> {
  const [quiz] = await tx
    .select({
      id: learningTasks.id,
      moduleId: learningTasks.moduleId,
      title: learningTasks.title,
      status: learningTasks.status,
      dueAt: learningTasks.dueAt,
      contentVersion: quizzes.contentVersion,
      gradingMethod: quizzes.gradingMethod,
      partialCredit: quizzes.partialCredit,
    })
    .from(learningTasks)
    .innerJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .where(and(eq(learningTasks.id, taskId), eq(learningTasks.courseId, courseId), eq(learningTasks.type, "quiz")));
  if (!quiz) fail(quizNotFoundMessage);
  return quiz;
}
