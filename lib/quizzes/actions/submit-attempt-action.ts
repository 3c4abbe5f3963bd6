"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { submitAttempt } from "../taking/submit-attempt";
import { submitAttemptSchema } from "../taking/schemas";

// A student submits an attempt; it is graded at once. Submitting again answers the same.
export const submitAttemptAction = userAction({
  name: "submitAttempt",
  schema: submitAttemptSchema,
  // Ownership and quiz.take are checked inside, on the locked attempt row.
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => submitAttempt(tx, user, input.attemptId),
  after: async (data) => {
    revalidatePath("/dashboard");
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
