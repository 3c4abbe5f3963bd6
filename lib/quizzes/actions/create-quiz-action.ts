"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { createQuiz } from "../authoring/quizzes";
import { revalidateQuiz } from "../authoring/revalidate";
import { createQuizSchema } from "../authoring/schemas";

// A teacher adds a draft quiz at the end of a module.
export const createQuizAction = userAction({
  name: "quizzes.createQuiz",
  schema: createQuizSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => createQuiz(tx, user, input),
  after: revalidateQuiz,
});
