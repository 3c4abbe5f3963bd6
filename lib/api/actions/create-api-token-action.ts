"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { createApiTokenSchema } from "../token-schemas";
import { createApiToken } from "../tokens";

// Creates a personal access token for the signed-in user and answers with it:
// the only time the token leaves the server (the database keeps its hash).
export const createApiTokenAction = userAction({
  name: "createApiToken",
  schema: createApiTokenSchema,
  authorize: (user) => can(user, "account.manageApiTokens", user),
  run: async (input, { user, tx }) => {
    const created = await createApiToken(tx, user, input, { ip: clientIpFrom(await headers()) });
    return { id: created.id, name: created.name, token: created.token };
  },
  after: async () => revalidatePath("/settings/api-tokens"),
});
