"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { deleteCategory } from "../manage-categories";
import { revalidateBank } from "../revalidate";
import { deleteCategorySchema } from "../schemas";

// A teacher deletes an empty bank category.
export const deleteCategoryAction = userAction({
  name: "questionBank.deleteCategory",
  schema: deleteCategorySchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => deleteCategory(tx, user, input),
  after: revalidateBank,
});
