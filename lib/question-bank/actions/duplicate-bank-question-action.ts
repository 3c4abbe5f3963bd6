"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeBankManage } from "../access";
import { duplicateBankQuestion } from "../manage-questions";
import { revalidateBank } from "../revalidate";
import { entryRefSchema } from "../schemas";

// A teacher copies a bank question.
export const duplicateBankQuestionAction = userAction({
  name: "questionBank.duplicateBankQuestion",
  schema: entryRefSchema,
  authorize: authorizeBankManage,
  run: (input, { user, tx }) => duplicateBankQuestion(tx, user, input),
  after: revalidateBank,
});
