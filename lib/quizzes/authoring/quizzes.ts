import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { learningTasks, quizAttempts, quizzes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { markCourseEdited, requireCourseModule } from "@/lib/authoring/course-access";
import { nextTaskPosition, renumberModuleTasks } from "@/lib/authoring/task-positions";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { quizModuleNotFoundMessage } from "./messages";
import type { createQuizSchema, deleteQuizSchema, moveQuizSchema } from "./schemas";

/**
 * Adds a draft quiz at the end of a module: its learning task (type quiz) and
 * its settings row, together. A draft is no required item yet, so nobody's
 * progress changes until it is published.
 */
export async function createQuiz(tx: DbOrTx, actor: Actor, input: z.output<typeof createQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const moduleId = await requireCourseModule(tx, course.id, input.moduleId, quizModuleNotFoundMessage);
  const [task] = await tx
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId, type: "quiz", title: input.title, status: "draft", position: nextTaskPosition(moduleId) })
    .returning({ id: learningTasks.id });
  await tx.insert(quizzes).values({ taskId: task!.id });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task!.id };
}

/** Puts a quiz at the end of another module of the course. */
export async function moveQuiz(tx: DbOrTx, actor: Actor, input: z.output<typeof moveQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const moduleId = await requireCourseModule(tx, course.id, input.toModuleId, quizModuleNotFoundMessage);
  if (quiz.moduleId !== moduleId) {
    await tx
      .update(learningTasks)
      .set({ moduleId, position: nextTaskPosition(moduleId), updatedAt: new Date() })
      .where(eq(learningTasks.id, quiz.id));
    if (quiz.moduleId) await renumberModuleTasks(tx, quiz.moduleId);
  }
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, moduleId };
}

/**
 * Deletes a quiz with its questions and every attempt (the rows cascade),
 * writes the deletion to the audit log with how many attempts went with it,
 * and recomputes progress: a published quiz was a required item.
 */
export async function deleteQuiz(tx: DbOrTx, actor: Actor, input: z.output<typeof deleteQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const [counted] = await tx
    .select({ attempts: sql<number>`count(*)::int` })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.taskId, quiz.id), ne(quizAttempts.status, "in_progress")));
  await tx.delete(learningTasks).where(eq(learningTasks.id, quiz.id));
  if (quiz.moduleId) await renumberModuleTasks(tx, quiz.moduleId);
  await recomputeProgress(tx, { courseId: course.id });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "quiz.deleted",
    entityType: "learning_task",
    entityId: quiz.id,
    before: { title: quiz.title, status: quiz.status, courseId: course.id, submittedAttempts: counted?.attempts ?? 0 },
  });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id };
}

