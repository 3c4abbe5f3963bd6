"use server";

import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { emptySchema } from "@/lib/users/schemas";
import { startPasskeyRegistration } from "../registration";
import { passkeyRequest } from "../request-context";

// Starts registering a passkey: the options for the browser's WebAuthn call,
// with a challenge the server keeps. Open to staff held at MFA set-up.
export const startPasskeyRegistrationAction = userAction({
  name: "startPasskeyRegistration",
  schema: emptySchema,
  allowedBeforeMfaSetup: true,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (_input, { user, tx }) => {
    const { rp } = await passkeyRequest();
    return startPasskeyRegistration(tx, user, rp);
  },
});
