"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { safeCallbackUrl } from "../callback-url";
import { clientIpFrom } from "../client-ip";
import { signIn } from "../next-auth";
import { registerStudent } from "../register-student";
import { registerSchema } from "../schemas";

// Creates a student account, then signs the new student in.
export const registerAction = publicAction({
  name: "register",
  schema: registerSchema,
  authorize: (user) => user === null,
  run: async (input, { tx }) => {
    const result = await registerStudent(tx, input, clientIpFrom(await headers()));
    if (!result.ok) fail("Some fields need your attention.", result.fieldErrors);
    return { userId: result.userId };
  },
  after: async (_data, input) => {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeCallbackUrl(input.callbackUrl, "/dashboard"),
    });
  },
});
