"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { regradeQuiz } from "../authoring/regrade";
import { revalidateQuiz } from "../authoring/revalidate";
import { regradeQuizSchema } from "../authoring/schemas";

// A teacher re-grades a quiz's submitted attempts after changing it.
export const regradeQuizAction = userAction({
  name: "quizzes.regradeQuiz",
  schema: regradeQuizSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => regradeQuiz(tx, user, input),
  after: revalidateQuiz,
});
