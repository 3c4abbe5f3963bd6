"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { setQuizPublished } from "../authoring/publish";
import { revalidateQuiz } from "../authoring/revalidate";
import { publishQuizSchema } from "../authoring/schemas";

// A teacher publishes a quiz, or takes it back to draft.
export const publishQuizAction = userAction({
  name: "quizzes.publishQuiz",
  schema: publishQuizSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => setQuizPublished(tx, user, input),
  after: revalidateQuiz,
});
