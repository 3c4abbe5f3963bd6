"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { findUserForUpdate } from "@/lib/users/manage-user";
import { endSessionAsAdmin } from "../manage-sessions";
import { endUserSessionSchema } from "../schemas";

// An admin ends one session of another user; that browser is signed out at its next request.
export const endUserSessionAction = userAction({
  name: "endUserSession",
  schema: endUserSessionSchema,
  authorize: async (user, input, tx) => {
    const target = await findUserForUpdate(tx, input.userId);
    return target !== null && can(user, "user.manageSessions", target);
  },
  run: async (input, { user, tx }) => {
    await endSessionAsAdmin(tx, user, input.userId, input.sessionId, { ip: clientIpFrom(await headers()) });
  },
  after: async (_data, input) => revalidatePath(`/admin/users/${input.userId}/sessions`),
});
