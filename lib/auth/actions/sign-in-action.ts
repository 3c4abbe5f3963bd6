"use server";

import { eq, sql } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { users } from "@/db/schema";
import { publicAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { inactiveAccountMessage, invalidCredentialsMessage, throttledMessage } from "../authenticate";
import { safeCallbackUrl } from "../callback-url";
import { SignInRefused, signIn } from "../next-auth";
import { dashboardPathFor } from "../roles";
import { signInSchema } from "../schemas";

// Signs a user in with email and password, then sends them where they were
// going, or to their role's dashboard.
export const signInAction = publicAction({
  name: "signIn",
  schema: signInSchema,
  authorize: () => true,
  transaction: false,
  run: async (input, { tx }) => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (error) {
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
    return safeCallbackUrl(input.callbackUrl, "") || dashboardPathFor(user?.role ?? "student");
  },
  after: async (target) => redirect(target),
});
