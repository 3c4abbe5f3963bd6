"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { renamePasskey } from "../manage";
import { renamePasskeySchema } from "../schemas";

// Renames one of the user's own passkeys.
export const renamePasskeyAction = userAction({
  name: "renamePasskey",
  schema: renamePasskeySchema,
  authorize: (user) => can(user, "account.manageMfa", user),
  run: async (input, { user, tx }) => renamePasskey(tx, user, { ...input, ip: clientIpFrom(await headers()) }),
  after: async () => revalidatePath("/settings/security"),
});
