"use server";

import { userAction } from "@/lib/actions/action";
import { KeptRefusal } from "@/lib/actions/result";
import { can } from "@/lib/auth/policy";
import { finishPasskeyRegistration } from "../registration";
import { passkeyRequest } from "../request-context";
import { finishPasskeyRegistrationSchema } from "../schemas";

// Stores a new passkey once the authenticator's answer checks out; the
// account's first factor also answers with its recovery codes, shown once.
export const finishPasskeyRegistrationAction = userAction({
  name: "finishPasskeyRegistration",
  schema: finishPasskeyRegistrationSchema,
  allowedBeforeMfaSetup: true,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (input, { user, tx }) => {
    const { rp, ip } = await passkeyRequest();
    const result = await finishPasskeyRegistration(tx, user, { name: input.name, responseJson: input.response, rp, ip });
    // Kept, not rolled back: the challenge is used up either way.
    if (!result.ok) return new KeptRefusal(result.message, { [result.field]: [result.message] });
    return { passkeyId: result.passkeyId, recoveryCodes: result.recoveryCodes };
  },
  // No revalidatePath: the form refreshes once any recovery codes are saved.
});
