"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { KeptRefusal } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { removePasskey } from "../manage";
import { removePasskeySchema } from "../schemas";

// Removes one of the user's passkeys, after a current code or the password.
export const removePasskeyAction = userAction({
  name: "removePasskey",
  schema: removePasskeySchema,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (input, { user, tx }) => {
    const result = await removePasskey(tx, user, { ...input, ip: clientIpFrom(await headers()) });
    if (!result.ok) return new KeptRefusal(result.message, { [result.field]: [result.message] });
    return { passkeyId: result.passkeyId };
  },
  after: async () => revalidatePath("/settings/security"),
});
