import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { learningTasks, modules, quizAttempts, quizzes } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { quizModuleNotFoundMessage } from "./messages";
import { markQuizCourseEdited } from "./quiz-totals";
import type { createQuizSchema, deleteQuizSchema, moveQuizSchema } from "./schemas";

async function requireCourseModule(tx: DbOrTx, courseId: string, moduleId: string): Promise<string> {
  const [row] = await tx
    .select({ id: modules.id })
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.courseId, courseId)));
  if (!row) fail(quizModuleNotFoundMessage);
  return row.id;
}

/** The next free position among a module's tasks (its quizzes are listed after its lessons). */
const nextTaskPosition = (moduleId: string) =>
  sql`(SELECT count(*)::int FROM ${learningTasks} WHERE ${learningTasks.moduleId} = ${moduleId})`;

/**
 * Adds a draft quiz at the end of a module: its learning task (type quiz) and
 * its settings row, together. A draft is no required item yet, so nobody's
 * progress changes until it is published.
 */
export async function createQuiz(tx: DbOrTx, actor: Actor, input: z.output<typeof createQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const moduleId = await requireCourseModule(tx, course.id, input.moduleId);
  const [task] = await tx
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId, type: "quiz", title: input.title, status: "draft", position: nextTaskPosition(moduleId) })
    .returning({ id: learningTasks.id });
  await tx.insert(quizzes).values({ taskId: task!.id });
  await markQuizCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task!.id };
}

/** Puts a quiz at the end of another module of the course. */
export async function moveQuiz(tx: DbOrTx, actor: Actor, input: z.output<typeof moveQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const moduleId = await requireCourseModule(tx, course.id, input.toModuleId);
  if (quiz.moduleId !== moduleId) {
    await tx
      .update(learningTasks)
      .set({ moduleId, position: nextTaskPosition(moduleId), updatedAt: new Date() })
      .where(eq(learningTasks.id, quiz.id));
    if (quiz.moduleId) await renumberModuleTasks(tx, quiz.moduleId);
  }
  await markQuizCourseEdited(tx, course.id);
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
  await markQuizCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id };
}

/** Positions 0..n-1 for a module's tasks, in their current order, in one statement. */
async function renumberModuleTasks(tx: DbOrTx, moduleId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE learning_tasks AS t SET position = v.position
    FROM (
      SELECT id, (row_number() OVER (ORDER BY position, created_at, id) - 1)::int AS position
      FROM learning_tasks WHERE module_id = ${moduleId}
    ) AS v
    WHERE t.id = v.id AND t.position <> v.position`);
}
