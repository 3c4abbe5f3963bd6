import { createCategoryContract, listCategoriesContract } from "@/lib/api/contracts/question-bank";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { findBankCourse } from "@/lib/question-bank/access";
import { categoryAnswer } from "@/lib/question-bank/api-views";
import { loadCategoryTree } from "@/lib/question-bank/category-tree";
import { createCategory } from "@/lib/question-bank/manage-categories";

export const GET = apiRoute(listCategoriesContract, async ({ db, user, params }) => {
  const course = await findBankCourse(db, user, params.courseId);
  if (!course) throw new ApiProblem("not_found", "This course does not exist, or you cannot edit its question bank.");
  return { data: await loadCategoryTree(db, course.id) };
});

export const POST = apiRoute(createCategoryContract, async ({ db, user, params, body }) => {
  const created = await createCategory(db, user, { courseId: params.courseId, ...body });
  return categoryAnswer(db, params.courseId, created.categoryId);
});
