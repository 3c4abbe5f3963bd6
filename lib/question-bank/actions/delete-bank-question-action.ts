"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { deleteBankQuestion } from "../manage-questions";
import { revalidateBank } from "../revalidate";
import { entryRefSchema } from "../schemas";

// A teacher deletes a bank question (refused while a published quiz uses it).
export const deleteBankQuestionAction = userAction({
  name: "questionBank.deleteBankQuestion",
  schema: entryRefSchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => deleteBankQuestion(tx, user, input),
  after: revalidateBank,
});
