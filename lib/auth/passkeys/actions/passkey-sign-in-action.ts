"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { passkeys, users } from "@/db/schema";
import { publicAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { inactiveAccountMessage, throttledMessage } from "@/lib/auth/authenticate";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInRefused, signIn } from "@/lib/auth/next-auth";
import { dashboardPathFor } from "@/lib/auth/roles";
import { passkeyRefusedMessage } from "../passwordless";
import { authenticationResponseSchema, parseResponseJson, passkeySignInSchema } from "../schemas";

// Passwordless sign-in: the browser's signed answer goes to the "passkey"
// provider, which checks it and makes the session as a password sign-in does.
export const passkeySignInAction = publicAction({
  name: "passkeySignIn",
  schema: passkeySignInSchema,
  authorize: () => true,
  transaction: false,
  run: async (input, { tx }) => {
    const response = parseResponseJson(authenticationResponseSchema, input.response);
    if (!response) fail(passkeyRefusedMessage);
    try {
      await signIn("passkey", { response: input.response, redirect: false });
    } catch (error) {
      if (error instanceof SignInRefused) {
        if (error.reason === "throttled") fail(throttledMessage(error.retryAfterMs));
        if (error.reason === "inactive") fail(inactiveAccountMessage);
        fail(passkeyRefusedMessage);
      }
      if (error instanceof AuthError) fail(passkeyRefusedMessage);
      throw error;
    }
    const [user] = await tx
      .select({ role: users.role })
      .from(passkeys)
      .innerJoin(users, eq(users.id, passkeys.userId))
      .where(eq(passkeys.credentialId, response.id));
    return safeCallbackUrl(input.callbackUrl, "") || dashboardPathFor(user?.role ?? "student");
  },
  after: async (target) => redirect(target),
});
