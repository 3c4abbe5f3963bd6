"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { deleteQuestion } from "../authoring/questions";
import { revalidateQuiz } from "../authoring/revalidate";
import { deleteQuestionSchema } from "../authoring/schemas";

// A teacher deletes a question of a quiz.
export const deleteQuestionAction = userAction({
  name: "quizzes.deleteQuestion",
  schema: deleteQuestionSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => deleteQuestion(tx, user, input),
  after: revalidateQuiz,
});
