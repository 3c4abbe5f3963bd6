"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { saveBankQuestion } from "../manage-questions";
import { revalidateBank } from "../revalidate";
import { saveBankQuestionSchema } from "../schemas";

// A teacher adds a question to the bank or edits one (a new version once students have seen it).
export const saveBankQuestionAction = userAction({
  name: "questionBank.saveBankQuestion",
  schema: saveBankQuestionSchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => saveBankQuestion(tx, user, input),
  after: revalidateBank,
});
