"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { deleteQuiz } from "../authoring/quizzes";
import { revalidateQuiz } from "../authoring/revalidate";
import { deleteQuizSchema } from "../authoring/schemas";

// A teacher deletes a quiz with its questions and attempts.
export const deleteQuizAction = userAction({
  name: "quizzes.deleteQuiz",
  schema: deleteQuizSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => deleteQuiz(tx, user, input),
  after: revalidateQuiz,
});
