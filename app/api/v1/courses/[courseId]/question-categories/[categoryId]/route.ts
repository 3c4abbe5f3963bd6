import { deleteCategoryContract, updateCategoryContract } from "@/lib/api/contracts/question-bank";
import { apiRoute } from "@/lib/api/route";
import { categoryAnswer } from "@/lib/question-bank/api-views";
import { deleteCategory, updateCategory } from "@/lib/question-bank/manage-categories";

export const PUT = apiRoute(updateCategoryContract, async ({ db, user, params, body }) => {
  await updateCategory(db, user, { courseId: params.courseId, categoryId: params.categoryId, ...body });
  return categoryAnswer(db, params.courseId, params.categoryId);
});

export const DELETE = apiRoute(deleteCategoryContract, async ({ db, user, params }) => {
  await deleteCategory(db, user, { courseId: params.courseId, categoryId: params.categoryId });
  return { categoryId: params.categoryId };
});
