"use server";

import { userAction } from "@/lib/actions/action";
import { addRandomSlotSchema } from "@/lib/question-bank/schemas";
import { authorizeQuizManage } from "../authoring/access";
import { revalidateQuiz } from "../authoring/revalidate";
import { addRandomSlot } from "../authoring/slots";

// A teacher adds a random draw from the question bank to a quiz.
export const addRandomSlotAction = userAction({
  name: "quizzes.addRandomSlot",
  schema: addRandomSlotSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => addRandomSlot(tx, user, input),
  after: revalidateQuiz,
});
