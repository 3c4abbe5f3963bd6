"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { submitWorkSchema } from "../schemas";
import { submitWork } from "../submit-work";

// A student hands in a version of its work; the receipt says what arrived.
export const submitWorkAction = userAction({
  name: "submitWork",
  schema: submitWorkSchema,
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => submitWork(tx, user, input),
  after: async (receipt) => {
    revalidatePath(`/learn/${receipt.courseSlug}`, "layout");
    revalidatePath("/teacher/grading");
  },
});
