"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { cookieSessionId } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/next-auth";
import { can } from "@/lib/auth/policy";
import { endOwnSession } from "../manage-sessions";
import { endSessionSchema } from "../schemas";

// Ends one of the signed-in user's sessions (a lost phone, a shared computer).
// The user's id is in the WHERE, so another's session reads as missing.
export const endSessionAction = userAction({
  name: "endSession",
  schema: endSessionSchema,
  authorize: (user) => can(user, "account.manageSessions", user),
  run: async (input, { user, tx }) => {
    await endOwnSession(tx, user, input.sessionId, { ip: clientIpFrom(await headers()) });
    return { endedThisDevice: input.sessionId === await cookieSessionId() };
  },
  after: async ({ endedThisDevice }) => {
    if (endedThisDevice) await signOut({ redirectTo: "/sign-in" });
    revalidatePath("/settings/sessions");
  },
});
