"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { findUserForUpdate } from "@/lib/users/manage-user";
import { endAllSessionsAsAdmin } from "../manage-sessions";
import { endAllUserSessionsSchema } from "../schemas";

// An admin signs another user out everywhere; its API tokens are left alone (the admin page revokes nothing else).
export const endAllUserSessionsAction = userAction({
  name: "endAllUserSessions",
  schema: endAllUserSessionsSchema,
  authorize: async (user, input, tx) => {
    const target = await findUserForUpdate(tx, input.userId);
    return target !== null && can(user, "user.manageSessions", target);
  },
  run: async (input, { user, tx }) => endAllSessionsAsAdmin(tx, user, input.userId, { ip: clientIpFrom(await headers()) }),
  after: async (_data, input) => revalidatePath(`/admin/users/${input.userId}/sessions`),
});
