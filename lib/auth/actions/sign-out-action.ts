"use server";

import { headers } from "next/headers";
import { publicAction, userAction } from "@/lib/actions/action";
import { signOutEverywhere } from "@/lib/sessions/manage-sessions";
import { signOutEverywhereSchema } from "@/lib/sessions/schemas";
import { endSessionById } from "@/lib/sessions/store";
import { emptySchema } from "@/lib/users/schemas";
import { cookieSessionId } from "../current-user";
import { clientIpFrom } from "../client-ip";
import { can } from "../policy";
import { signOut } from "../next-auth";

// Ends this browser's session on the server, then clears its cookie: a copy
// of the cookie taken before is refused from now on. Open to anyone: a session
// that is already invalid must still be able to clear its cookie.
export const signOutAction = publicAction({
  name: "signOut",
  schema: emptySchema,
  authorize: () => true,
  run: async (_input, { tx }) => {
    const sessionId = await cookieSessionId();
    if (sessionId) await endSessionById(tx, sessionId);
  },
  after: async () => {
    await signOut({ redirectTo: "/" });
  },
});

// Ends every session of the current user, on every device, and on request
// revokes its API tokens too.
export const signOutEverywhereAction = userAction({
  name: "signOutEverywhere",
  schema: signOutEverywhereSchema,
  authorize: (user) => can(user, "account.signOutEverywhere", user),
  run: async (input, { user, tx }) => {
    await signOutEverywhere(tx, user.id, { revokeApiTokens: input.revokeApiTokens, ip: clientIpFrom(await headers()) });
  },
  after: async () => {
    await signOut({ redirectTo: "/sign-in" });
  },
});
