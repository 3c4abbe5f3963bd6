"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeQuizManage } from "../authoring/access";
import { updateQuizSettings } from "../authoring/settings";
import { revalidateQuiz } from "../authoring/revalidate";
import { updateQuizSettingsSchema } from "../authoring/schemas";

// A teacher saves a quiz's settings.
export const updateQuizSettingsAction = userAction({
  name: "quizzes.updateQuizSettings",
  schema: updateQuizSettingsSchema,
  authorize: authorizeQuizManage,
  run: (input, { user, tx }) => updateQuizSettings(tx, user, input),
  after: revalidateQuiz,
});
