import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { lessons, modules } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { lockEditableCourse, markCourseEdited } from "./course-access";
import { lessonColumns } from "./lesson-columns";
import { checkLessonFile, deleteUnusedFiles } from "./lesson-files";
import { lessonNotFoundMessage, moduleNotFoundMessage } from "./messages";
import { lessonIdsInOrder, writeLessonOrder } from "./positions";
import type { addLessonSchema, deleteLessonSchema, editLessonSchema } from "./schemas";

/** The lesson, when it belongs to the course (already locked by the caller). */
export async function findCourseLesson(tx: DbOrTx, courseId: string, lessonId: string) {
  const [lesson] = await tx
    .select({ id: lessons.id, moduleId: lessons.moduleId, fileId: lessons.fileId })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!lesson) fail(lessonNotFoundMessage);
  return lesson;
}

/**
 * Adds a lesson at the end of a module. Students' progress is recomputed (a
 * course they had completed has a new item to do), and in a published course
 * the lesson is announced to the notifications through a domain event.
 */
export async function addLesson(tx: DbOrTx, actor: Actor, input: z.output<typeof addLessonSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const [target] = await tx
    .select({ id: modules.id })
    .from(modules)
    .where(and(eq(modules.id, input.moduleId), eq(modules.courseId, course.id)));
  if (!target) fail(moduleNotFoundMessage);
  const columns = lessonColumns(input);
  if (columns.fileId) await checkLessonFile(tx, actor, { courseId: course.id, fileId: columns.fileId, contentType: columns.contentType });

  const [row] = await tx
    .insert(lessons)
    .values({
      ...columns,
      moduleId: target.id,
      position: sql`(SELECT count(*)::int FROM ${lessons} WHERE ${lessons.moduleId} = ${target.id})`,
    })
    .returning({ id: lessons.id, position: lessons.position });
  const lessonId = row!.id;
  await recomputeProgress(tx, { courseId: course.id });
  if (course.status === "published") {
    await publish(tx, { type: "lesson.published", aggregateId: lessonId, payload: { lessonId, courseId: course.id } }, actor.id);
  }
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, lessonId, position: row!.position };
}

/** Changes a lesson's content; a file it no longer uses is deleted. */
export async function editLesson(tx: DbOrTx, actor: Actor, input: z.output<typeof editLessonSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const lesson = await findCourseLesson(tx, course.id, input.lessonId);
  const columns = lessonColumns(input);
  // Checked even when the file is unchanged: a document kept while the lesson became a video is refused.
  if (columns.fileId) await checkLessonFile(tx, actor, { courseId: course.id, fileId: columns.fileId, contentType: columns.contentType });
  await tx.update(lessons).set(columns).where(eq(lessons.id, lesson.id));
  const removed = lesson.fileId !== columns.fileId ? await deleteUnusedFiles(tx, [lesson.fileId]) : [];
  await markCourseEdited(tx, course.id);
  return {
    courseId: course.id,
    slug: course.slug,
    lessonId: lesson.id,
    deletedFiles: removed.map((file) => file.id),
    removedObjects: removed.map((file) => file.storageKey),
  };
}

/**
 * Deletes a lesson with its completions and its file; the module's other
 * lessons close the gap and students' progress is recomputed.
 */
export async function deleteLesson(tx: DbOrTx, actor: Actor, input: z.output<typeof deleteLessonSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const lesson = await findCourseLesson(tx, course.id, input.lessonId);
  await tx.delete(lessons).where(eq(lessons.id, lesson.id));
  const removed = await deleteUnusedFiles(tx, [lesson.fileId]);
  const deletedFiles = removed.map((file) => file.id);
  const removedObjects = removed.map((file) => file.storageKey);
  await writeLessonOrder(tx, course.id, lesson.moduleId, await lessonIdsInOrder(tx, lesson.moduleId));
  await recomputeProgress(tx, { courseId: course.id });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, lessonId: lesson.id, deletedFiles, removedObjects };
}
