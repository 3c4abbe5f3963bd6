"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { reorderQuestions } from "../authoring/questions";
import { revalidateQuiz } from "../authoring/revalidate";
import { reorderQuestionsSchema } from "../authoring/schemas";

// A teacher puts a quiz's questions in a new order.
export const reorderQuestionsAction = userAction({
  name: "quizzes.reorderQuestions",
  schema: reorderQuestionsSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => reorderQuestions(tx, user, input),
  after: revalidateQuiz,
});
