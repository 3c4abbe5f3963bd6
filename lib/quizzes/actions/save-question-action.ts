"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { saveQuestion } from "../authoring/questions";
import { revalidateQuiz } from "../authoring/revalidate";
import { saveQuestionSchema } from "../authoring/schemas";

// A teacher adds a question to a quiz or saves one.
export const saveQuestionAction = userAction({
  name: "quizzes.saveQuestion",
  schema: saveQuestionSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => saveQuestion(tx, user, input),
  after: revalidateQuiz,
});
