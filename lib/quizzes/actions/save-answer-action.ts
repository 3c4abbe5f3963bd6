"use server";

import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { saveAnswer } from "../taking/save-answer";
import { saveAnswerSchema } from "../taking/schemas";

// Autosave of one answer of the student's open attempt.
export const saveAnswerAction = userAction({
  name: "saveAnswer",
  schema: saveAnswerSchema,
  // Ownership and quiz.take are checked inside, on the locked attempt row.
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => saveAnswer(tx, user, input),
});
