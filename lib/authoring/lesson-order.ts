import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { lockEditableCourse, markCourseEdited, requireCourseModule } from "./course-access";
import { findCourseLesson } from "./lessons";
import { staleOrderMessage } from "./messages";
import { isPermutationOf, shiftedOrder, transferItem } from "./ordering";
import { lessonIdsInOrder, writeLessonOrder } from "./positions";
import type { moveLessonSchema, reorderLessonsSchema, shiftLessonSchema } from "./schemas";

/** Puts a module's lessons in the given order: exactly its lessons, or refused as outdated. */
export async function reorderLessons(tx: DbOrTx, actor: Actor, input: z.output<typeof reorderLessonsSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const moduleId = await requireCourseModule(tx, course.id, input.moduleId);
  if (!isPermutationOf(await lessonIdsInOrder(tx, moduleId), input.lessonIds)) fail(staleOrderMessage);
  await writeLessonOrder(tx, course.id, moduleId, input.lessonIds);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, lessonIds: input.lessonIds };
}

/**
 * Moves a lesson to another module of the course (or elsewhere in its own) at
 * `toIndex`; both modules are renumbered from 0 so neither keeps a gap.
 */
export async function moveLesson(tx: DbOrTx, actor: Actor, input: z.output<typeof moveLessonSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const lesson = await findCourseLesson(tx, course.id, input.lessonId);
  const toModuleId = await requireCourseModule(tx, course.id, input.toModuleId);
  const source = await lessonIdsInOrder(tx, lesson.moduleId);
  const target = toModuleId === lesson.moduleId ? source : await lessonIdsInOrder(tx, toModuleId);
  const moved = transferItem(source, target, lesson.id, input.toIndex);
  if (toModuleId !== lesson.moduleId) await writeLessonOrder(tx, course.id, lesson.moduleId, moved.source);
  await writeLessonOrder(tx, course.id, toModuleId, moved.target);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, lessonId: lesson.id, moduleId: toModuleId, position: moved.target.indexOf(lesson.id) };
}

/** Move up / Move down within the lesson's module, against the order as it is now. */
export async function shiftLesson(tx: DbOrTx, actor: Actor, input: z.output<typeof shiftLessonSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const lesson = await findCourseLesson(tx, course.id, input.lessonId);
  const order = shiftedOrder(await lessonIdsInOrder(tx, lesson.moduleId), lesson.id, input.direction)!;
  await writeLessonOrder(tx, course.id, lesson.moduleId, order);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, lessonIds: order };
}
