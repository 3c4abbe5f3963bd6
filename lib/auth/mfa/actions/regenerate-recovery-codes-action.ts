"use server";

import { headers } from "next/headers";
import { userAction } from "@/lib/actions/action";
import { KeptRefusal } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { regenerateRecoveryCodes } from "../enrolment";
import { ownerProofSchema } from "../schemas";

// Ten new recovery codes, shown once; the old ones stop working.
export const regenerateRecoveryCodesAction = userAction({
  name: "regenerateRecoveryCodes",
  schema: ownerProofSchema,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (input, { user, tx }) => {
    const result = await regenerateRecoveryCodes(tx, user, { proof: input.proof, ip: clientIpFrom(await headers()) });
    if (!result.ok) return new KeptRefusal(result.message, { [result.field]: [result.message] });
    return { recoveryCodes: result.recoveryCodes };
  },
  // No revalidatePath: refreshing the page now would unmount the codes before
  // they are saved. The form refreshes once the user says they are saved.
});
