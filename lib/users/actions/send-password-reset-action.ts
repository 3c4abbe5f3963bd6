"use server";

import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { sendPasswordResetSchema } from "../account-schemas";
import { findUserForUpdate } from "../manage-user";
import { sendPasswordReset } from "../send-password-reset";

// An admin sends a user a set-password link (a new invitation if never accepted).
export const sendPasswordResetAction = userAction({
  name: "sendPasswordReset",
  schema: sendPasswordResetSchema,
  authorize: async (user, input, tx) => {
    const target = await findUserForUpdate(tx, input.userId);
    return target !== null && can(user, "user.sendPasswordReset", target);
  },
  run: (input, { user, tx }) => sendPasswordReset(tx, user, input.userId),
});
