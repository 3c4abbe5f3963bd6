"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { moveBankQuestions } from "../manage-questions";
import { revalidateBank } from "../revalidate";
import { moveQuestionsSchema } from "../schemas";

// A teacher files bank questions in another category.
export const moveBankQuestionsAction = userAction({
  name: "questionBank.moveBankQuestions",
  schema: moveQuestionsSchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => moveBankQuestions(tx, user, input),
  after: revalidateBank,
});
