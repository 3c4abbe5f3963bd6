"use server";

import { headers } from "next/headers";
import { userAction } from "@/lib/actions/action";
import { KeptRefusal } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { confirmTotpEnrolment } from "../enrolment";
import { confirmTotpSchema } from "../schemas";

// Switches the authenticator on once a code from it is right, and answers with
// the ten recovery codes: the only time they leave the server.
export const confirmTotpAction = userAction({
  name: "confirmTotp",
  schema: confirmTotpSchema,
  allowedBeforeMfaSetup: true,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (input, { user, tx }) => {
    const result = await confirmTotpEnrolment(tx, user, { code: input.code, ip: clientIpFrom(await headers()) });
    if (!result.ok) return new KeptRefusal(result.message, { [result.field]: [result.message] });
    return { recoveryCodes: result.recoveryCodes };
  },
  // No revalidatePath: refreshing the page now would unmount the codes before
  // they are saved. The form refreshes once the user says they are saved.
});
