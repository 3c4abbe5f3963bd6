"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { KeptRefusal } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { disableTotp } from "../enrolment";
import { ownerProofSchema } from "../schemas";

// Turns the authenticator app off, after a current code or the password.
export const disableTotpAction = userAction({
  name: "disableTotp",
  schema: ownerProofSchema,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (input, { user, tx }) => {
    const result = await disableTotp(tx, user, { proof: input.proof, ip: clientIpFrom(await headers()) });
    if (!result.ok) return new KeptRefusal(result.message, { [result.field]: [result.message] });
    return { disabled: true as const };
  },
  after: async () => revalidatePath("/settings/security"),
});
