"use server";

import { headers } from "next/headers";
import { userAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { cookieSessionId } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { changePassword } from "../change-password";
import { changePasswordSchema } from "../schemas";

// Changes the signed-in user's password; every other session ends, this one stays.
export const changePasswordAction = userAction({
  name: "changePassword",
  schema: changePasswordSchema,
  authorize: (user) => can(user, "account.changePassword", user),
  run: async (input, { user, tx }) =>
    changePassword(
      tx,
      user,
      { currentPassword: input.currentPassword, password: input.password, currentSessionId: await cookieSessionId() },
      { ip: clientIpFrom(await headers()) },
    ),
});
