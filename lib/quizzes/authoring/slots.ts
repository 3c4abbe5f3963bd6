import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { questionBankEntries, questionCategories, quizSlots } from "@/db/schema";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { fail, missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import type { addBankQuestionsSchema, addRandomSlotSchema } from "@/lib/question-bank/schemas";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { appendSlot } from "./questions";
import { bumpContentVersion, syncMaxPoints } from "./quiz-totals";

export const categoryNotFoundMessage = "This category does not exist. The page now shows the bank as it is.";

/** The category's id when it is one of the course's (whose row the caller has locked); else fails. */
export async function requireCourseCategory(tx: DbOrTx, courseId: string, categoryId: string): Promise<string> {
  const [row] = await tx
    .select({ id: questionCategories.id })
    .from(questionCategories)
    .where(and(eq(questionCategories.id, categoryId), eq(questionCategories.courseId, courseId)));
  if (!row) missing(categoryNotFoundMessage);
  return row.id;
}

/** Adds a random slot at the end of the quiz: "N questions from this category (and tag), P points each". */
export async function addRandomSlot(tx: DbOrTx, actor: Actor, input: z.output<typeof addRandomSlotSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  if (input.categoryId) await requireCourseCategory(tx, course.id, input.categoryId);
  const slotId = await appendSlot(tx, quiz.id, {
    categoryId: input.categoryId,
    includeSubcategories: input.includeSubcategories,
    tag: input.tag,
    drawCount: input.drawCount,
    points: input.points,
  });
  await syncMaxPoints(tx, quiz.id);
  await bumpContentVersion(tx, quiz.id);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, slotId };
}

/**
 * Adds chosen bank questions at the end of the quiz, in the order given; one
 * the quiz already has is skipped, so adding twice changes nothing.
 */
export async function addBankQuestions(tx: DbOrTx, actor: Actor, input: z.output<typeof addBankQuestionsSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const found = await tx
    .select({ id: questionBankEntries.id })
    .from(questionBankEntries)
    .where(and(eq(questionBankEntries.courseId, course.id), inArray(questionBankEntries.id, input.entryIds), isNull(questionBankEntries.deletedAt)));
  if (found.length !== new Set(input.entryIds).size) fail("A chosen question no longer exists. The page now shows the bank as it is.");
  const present = new Set(
    (await tx.select({ entryId: quizSlots.entryId }).from(quizSlots).where(eq(quizSlots.taskId, quiz.id))).map((row) => row.entryId),
  );
  const added = [...new Set(input.entryIds)].filter((id) => !present.has(id));
  for (const entryId of added) await appendSlot(tx, quiz.id, { entryId });
  if (added.length > 0) {
    await syncMaxPoints(tx, quiz.id);
    await bumpContentVersion(tx, quiz.id);
    await markCourseEdited(tx, course.id);
  }
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, added: added.length, skipped: input.entryIds.length - added.length };
}
