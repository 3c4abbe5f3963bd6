"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { startAttempt } from "../taking/start-attempt";
import { startAttemptSchema } from "../taking/schemas";

// A student starts an attempt at a quiz, or resumes the one already open.
export const startAttemptAction = userAction({
  name: "startAttempt",
  schema: startAttemptSchema,
  // The quiz-level check (published, enrolled: quiz.take) runs inside, on the locked rows.
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => startAttempt(tx, user, input.taskId),
  after: async (data) => {
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
