"use server";

import { publicAction } from "@/lib/actions/action";
import { startPasskeySecondStep } from "../second-factor";
import { passkeyRequest } from "../request-context";
import { passkeySecondStepOptionsSchema } from "../schemas";

// The second sign-in step with a passkey: options for the browser, bound to the password step's challenge.
export const startPasskeySecondStepAction = publicAction({
  name: "startPasskeySecondStep",
  schema: passkeySecondStepOptionsSchema,
  authorize: () => true,
  run: async (input, { tx }) => startPasskeySecondStep(tx, { token: input.challenge, rp: (await passkeyRequest()).rp }),
});
