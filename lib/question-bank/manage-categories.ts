import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { questionBankEntries, questionCategories, quizSlots } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCourseCategory } from "@/lib/quizzes/authoring/slots";
import { lockBankCourse } from "./access";
import { categoryAndDescendants, loadCategoryTree } from "./category-tree";
import type { createCategorySchema, deleteCategorySchema, updateCategorySchema } from "./schemas";

const duplicateNameMessage = "A category of that name is already there. Choose another name.";

async function nameTaken(tx: DbOrTx, courseId: string, parentId: string | null, name: string, exceptId?: string): Promise<boolean> {
  const siblings = await tx
    .select({ id: questionCategories.id, name: questionCategories.name })
    .from(questionCategories)
    .where(and(eq(questionCategories.courseId, courseId), parentId ? eq(questionCategories.parentId, parentId) : isNull(questionCategories.parentId)));
  return siblings.some((sibling) => sibling.id !== exceptId && sibling.name.toLowerCase() === name.toLowerCase());
}

/** A new category at the top of the bank or inside another one. */
export async function createCategory(tx: DbOrTx, actor: Actor, input: z.output<typeof createCategorySchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  if (input.parentId) await requireCourseCategory(tx, course.id, input.parentId);
  if (await nameTaken(tx, course.id, input.parentId, input.name)) fail(duplicateNameMessage, { name: [duplicateNameMessage] });
  const [row] = await tx.insert(questionCategories).values({ courseId: course.id, parentId: input.parentId, name: input.name }).returning({ id: questionCategories.id });
  return { courseId: course.id, slug: course.slug, categoryId: row!.id };
}

/** Renames a category or moves it under another one (never under itself or its own subcategories). */
export async function updateCategory(tx: DbOrTx, actor: Actor, input: z.output<typeof updateCategorySchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  await requireCourseCategory(tx, course.id, input.categoryId);
  if (input.parentId) {
    await requireCourseCategory(tx, course.id, input.parentId);
    const tree = await loadCategoryTree(tx, course.id);
    if (categoryAndDescendants(tree, input.categoryId).has(input.parentId)) {
      fail("A category cannot go inside itself or one of its subcategories.", { parentId: ["A category cannot go inside itself or one of its subcategories."] });
    }
  }
  if (await nameTaken(tx, course.id, input.parentId, input.name, input.categoryId)) fail(duplicateNameMessage, { name: [duplicateNameMessage] });
  await tx
    .update(questionCategories)
    .set({ name: input.name, parentId: input.parentId, updatedAt: new Date() })
    .where(eq(questionCategories.id, input.categoryId));
  return { courseId: course.id, slug: course.slug, categoryId: input.categoryId };
}

/** Deletes an empty category: no questions, no subcategories, and no quiz drawing from it. */
export async function deleteCategory(tx: DbOrTx, actor: Actor, input: z.output<typeof deleteCategorySchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  await requireCourseCategory(tx, course.id, input.categoryId);
  const [[questions], [children], [slots]] = await Promise.all([
    tx.select({ n: count() }).from(questionBankEntries).where(and(eq(questionBankEntries.categoryId, input.categoryId), isNull(questionBankEntries.deletedAt))),
    tx.select({ n: count() }).from(questionCategories).where(eq(questionCategories.parentId, input.categoryId)),
    tx.select({ n: count() }).from(quizSlots).where(eq(quizSlots.categoryId, input.categoryId)),
  ]);
  if ((children?.n ?? 0) > 0) fail("This category has subcategories. Move or delete them first.");
  if ((questions?.n ?? 0) > 0) fail("This category still holds questions. Move them to another category or delete them first.");
  if ((slots?.n ?? 0) > 0) fail("A quiz draws random questions from this category. Remove that draw from the quiz first.");
  // Deleted questions (kept for old attempts) drop their filing with the category.
  await tx.update(questionBankEntries).set({ categoryId: null }).where(eq(questionBankEntries.categoryId, input.categoryId));
  await tx.delete(questionCategories).where(eq(questionCategories.id, input.categoryId));
  await recordAudit(tx, { actorId: actor.id, action: "question_category.deleted", entityType: "question_category", entityId: input.categoryId, before: { courseId: course.id } });
  return { courseId: course.id, slug: course.slug, categoryId: input.categoryId };
}
