import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { lockEditableCourse, markCourseEdited } from "./course-access";
import { moduleNotFoundMessage, staleOrderMessage } from "./messages";
import { isPermutationOf, shiftedOrder } from "./ordering";
import { moduleIdsInOrder, writeModuleOrder } from "./positions";
import type { reorderModulesSchema, shiftModuleSchema } from "./schemas";

/**
 * Puts the course's modules in the given order. The list must be exactly the
 * course's modules: a list made from an outdated page is refused rather than
 * guessed at.
 */
export async function reorderModules(tx: DbOrTx, actor: Actor, input: z.output<typeof reorderModulesSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const current = await moduleIdsInOrder(tx, course.id);
  if (!isPermutationOf(current, input.moduleIds)) fail(staleOrderMessage);
  await writeModuleOrder(tx, course.id, input.moduleIds);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, moduleIds: input.moduleIds };
}

/**
 * Move up / Move down: swaps the module with its neighbour as the course is
 * now, so a button pressed on a slightly outdated page still does what it says.
 */
export async function shiftModule(tx: DbOrTx, actor: Actor, input: z.output<typeof shiftModuleSchema>) {
  const course = await lockEditableCourse(tx, actor, input.courseId);
  const order = shiftedOrder(await moduleIdsInOrder(tx, course.id), input.moduleId, input.direction);
  if (!order) fail(moduleNotFoundMessage);
  await writeModuleOrder(tx, course.id, order);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, moduleIds: order };
}
