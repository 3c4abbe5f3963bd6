"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { moveQuiz } from "../authoring/quizzes";
import { revalidateQuiz } from "../authoring/revalidate";
import { moveQuizSchema } from "../authoring/schemas";

// A teacher moves a quiz to another module.
export const moveQuizAction = userAction({
  name: "quizzes.moveQuiz",
  schema: moveQuizSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => moveQuiz(tx, user, input),
  after: revalidateQuiz,
});
