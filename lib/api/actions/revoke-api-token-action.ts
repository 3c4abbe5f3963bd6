"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { revokeApiTokenSchema } from "../token-schemas";
import { revokeApiToken } from "../tokens";

// Revokes one of the signed-in user's tokens; it stops working at once. The
// token is looked up with the user's id in the WHERE, so another's reads as missing.
export const revokeApiTokenAction = userAction({
  name: "revokeApiToken",
  schema: revokeApiTokenSchema,
  authorize: (user) => can(user, "account.manageApiTokens", user),
  run: async (input, { user, tx }) => {
    const revoked = await revokeApiToken(tx, user, input.tokenId, { ip: clientIpFrom(await headers()) });
    return { id: revoked.id };
  },
  after: async () => revalidatePath("/settings/api-tokens"),
});
