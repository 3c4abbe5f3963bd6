"use server";

import { publicAction } from "@/lib/actions/action";
import { emptySchema } from "@/lib/users/schemas";
import { startPasskeySignIn } from "../passwordless";
import { passkeyRequest } from "../request-context";

// "Sign in with a passkey": options for the browser with a fresh, single-use challenge.
export const startPasskeySignInAction = publicAction({
  name: "startPasskeySignIn",
  schema: emptySchema,
  authorize: () => true,
  run: async (_input, { tx }) => startPasskeySignIn(tx, await passkeyRequest()),
});
