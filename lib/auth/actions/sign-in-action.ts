"use server";

import { AuthError } from "next-auth";
import { publicAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { inactiveAccountMessage, invalidCredentialsMessage, throttledMessage } from "../authenticate";
import { safeCallbackUrl } from "../callback-url";
import { SignInRefused, signIn } from "../next-auth";
import { signInSchema } from "../schemas";

// Signs a user in with email and password; on success the browser is redirected.
export const signInAction = publicAction({
  name: "signIn",
  schema: signInSchema,
  authorize: () => true,
  transaction: false,
  run: async (input) => {
    try {
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        // The dashboard route for the user's role is decided by the home page.
        redirectTo: safeCallbackUrl(input.callbackUrl, "/"),
      });
    } catch (error) {
      if (error instanceof SignInRefused) {
        if (error.reason === "throttled") fail(throttledMessage(error.retryAfterMs));
        if (error.reason === "inactive") fail(inactiveAccountMessage);
        fail(invalidCredentialsMessage);
      }
      if (error instanceof AuthError) fail(invalidCredentialsMessage);
      throw error;
    }
  },
});
