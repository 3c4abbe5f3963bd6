"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { createCategory } from "../manage-categories";
import { revalidateBank } from "../revalidate";
import { createCategorySchema } from "../schemas";

// A teacher adds a category to the course's question bank.
export const createCategoryAction = userAction({
  name: "questionBank.createCategory",
  schema: createCategorySchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => createCategory(tx, user, input),
  after: revalidateBank,
});
