"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { users } from "@/db/schema";
import { publicAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { mfaExpiredMessage, mfaInvalidMessage, throttledMessage } from "@/lib/auth/authenticate";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInRefused, signIn } from "@/lib/auth/next-auth";
import { dashboardPathFor } from "@/lib/auth/roles";
import { mfaSignInSchema } from "../schemas";
import { challengeOwner } from "../sign-in-challenge";

// The second sign-in step: the challenge from the password step plus a code
// from the authenticator app or a recovery code. Only now is there a session.
export const mfaSignInAction = publicAction({
  name: "mfaSignIn",
  schema: mfaSignInSchema,
  authorize: () => true,
  transaction: false,
  run: async (input, { tx }) => {
    try {
      await signIn("mfa", { challenge: input.challenge, method: input.method, code: input.code, redirect: false });
    } catch (error) {
      if (error instanceof SignInRefused) {
        if (error.reason === "throttled") fail(throttledMessage(error.retryAfterMs));
        if (error.reason === "mfa_expired") fail(mfaExpiredMessage);
        fail(mfaInvalidMessage, { code: [mfaInvalidMessage] });
      }
      if (error instanceof AuthError) fail(mfaInvalidMessage, { code: [mfaInvalidMessage] });
      throw error;
    }
    const userId = await challengeOwner(tx, input.challenge);
    const [user] = userId ? await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)) : [];
    return safeCallbackUrl(input.callbackUrl, "") || dashboardPathFor(user?.role ?? "student");
  },
  after: async (target) => redirect(target),
});
