"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { updateCategory } from "../manage-categories";
import { revalidateBank } from "../revalidate";
import { updateCategorySchema } from "../schemas";

// A teacher renames a bank category or moves it under another.
export const updateCategoryAction = userAction({
  name: "questionBank.updateCategory",
  schema: updateCategorySchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => updateCategory(tx, user, input),
  after: revalidateBank,
});
