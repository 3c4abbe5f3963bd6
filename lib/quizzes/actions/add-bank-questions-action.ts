"use server";

import { userAction } from "@/lib/actions/action";
import { addBankQuestionsSchema } from "@/lib/question-bank/schemas";
import { authorizeQuizManage } from "../authoring/access";
import { revalidateQuiz } from "../authoring/revalidate";
import { addBankQuestions } from "../authoring/slots";

// A teacher adds chosen bank questions to a quiz.
export const addBankQuestionsAction = userAction({
  name: "quizzes.addBankQuestions",
  schema: addBankQuestionsSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => addBankQuestions(tx, user, input),
  after: revalidateQuiz,
});
