import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { lessons, modules } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { lockEditableCourse, markCourseEdited } from "./course-access";
import { deleteUnusedFiles } from "./lesson-files";
import { moduleNotFoundMessage } from "./messages";
import { moduleIdsInOrder, writeModuleOrder } from "./positions";
import type { addModuleSchema, deleteModuleSchema, editModuleSchema } from "./schemas";

/** Adds a module at the end of the course. */
export async function addModule(tx: DbOrTx, actor: Actor, input: z.output<typeof addModuleSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const [row] = await tx
    .insert(modules)
    .values({
      courseId: course.id,
      title: input.title,
      description: input.description,
      // Dense positions under the course lock: the count is the next free one.
      position: sql`(SELECT count(*)::int FROM ${modules} WHERE ${modules.courseId} = ${course.id})`,
    })
    .returning({ id: modules.id, position: modules.position });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, moduleId: row!.id, position: row!.position };
}

/** Renames a module and changes its description. */
export async function editModule(tx: DbOrTx, actor: Actor, input: z.output<typeof editModuleSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const updated = await tx
    .update(modules)
    .set({ title: input.title, description: input.description })
    .where(and(eq(modules.id, input.moduleId), eq(modules.courseId, course.id)))
    .returning({ id: modules.id });
  if (updated.length === 0) fail(moduleNotFoundMessage);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, moduleId: input.moduleId };
}

/**
 * Deletes a module with its lessons (their completions go with them) and the
 * files only they used; the remaining modules close the gap, and every
 * student's progress is recomputed since the course has fewer items.
 */
export async function deleteModule(tx: DbOrTx, actor: Actor, input: z.output<typeof deleteModuleSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const [target] = await tx
    .select({ id: modules.id })
    .from(modules)
    .where(and(eq(modules.id, input.moduleId), eq(modules.courseId, course.id)));
  if (!target) fail(moduleNotFoundMessage);

  const deletedLessons = await tx
    .delete(lessons)
    .where(eq(lessons.moduleId, target.id))
    .returning({ id: lessons.id, fileId: lessons.fileId });
  await tx.delete(modules).where(eq(modules.id, target.id));
  const removed = await deleteUnusedFiles(
    tx,
    deletedLessons.map((lesson) => lesson.fileId),
  );
  await writeModuleOrder(tx, course.id, await moduleIdsInOrder(tx, course.id));
  await recomputeProgress(tx, { courseId: course.id });
  await markCourseEdited(tx, course.id);
  return {
    courseId: course.id,
    slug: course.slug,
    deletedLessons: deletedLessons.length,
    deletedFiles: removed.map((file) => file.id),
    removedObjects: removed.map((file) => file.storageKey),
  };
}
