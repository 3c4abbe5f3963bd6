"use server";

import { eq, sql } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { users } from "@/db/schema";
import { publicAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { inactiveAccountMessage, invalidCredentialsMessage, throttledMessage } from "../authenticate";
import { safeCallbackUrl } from "../callback-url";
import { SecondFactorRequired, SignInRefused, signIn } from "../next-auth";
import { dashboardPathFor } from "../roles";
import { signInSchema } from "../schemas";
import type { SecondFactorMethods } from "../authenticate";

export type SignInOutcome =
  | { kind: "signed_in"; target: string }
  | { kind: "second_factor"; challenge: string; methods: SecondFactorMethods };

// Signs a user in with email and password, then sends them where they were
// going, or to their role's dashboard. An account with a second factor gets
// no session here: the answer is the second step's challenge instead.
export const signInAction = publicAction({
  name: "signIn",
  schema: signInSchema,
  authorize: () => true,
  transaction: false,
  run: async (input, { tx }): Promise<SignInOutcome> => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (error) {
      if (error instanceof SecondFactorRequired) return { kind: "second_factor", challenge: error.challenge, methods: error.methods };
      if (error instanceof SignInRefused) {
        if (error.reason === "throttled") fail(throttledMessage(error.retryAfterMs));
        if (error.reason === "inactive") fail(inactiveAccountMessage);
        fail(invalidCredentialsMessage);
      }
      if (error instanceof AuthError) fail(invalidCredentialsMessage);
      throw error;
    }
    const [user] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email));
    return { kind: "signed_in", target: safeCallbackUrl(input.callbackUrl, "") || dashboardPathFor(user?.role ?? "student") };
  },
  after: async (outcome) => {
    if (outcome.kind === "signed_in") redirect(outcome.target);
  },
});
