"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { setPasswordSchema } from "../account-schemas";
import { consumeAccountToken, passwordSetSignInPath } from "../account-tokens";

// Whoever holds a valid link sets the account's password with it, then signs in.
export const setPasswordAction = publicAction({
  name: "setPassword",
  schema: setPasswordSchema,
  // The link itself is the authority; consumeAccountToken checks it under a lock.
  authorize: () => true,
  run: async (input, { tx }) => {
    const { purpose } = await consumeAccountToken(tx, {
      token: input.token,
      password: input.password,
      ip: clientIpFrom(await headers()),
    });
    return { purpose };
  },
  after: async () => redirect(passwordSetSignInPath),
});
