"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { rotateSigningKey, rotationRaceMessage } from "../rotate-signing-key";

// An admin replaces the Open Badges signing key (after a suspected leak, or on a schedule).
export const rotateSigningKeyAction = userAction({
  name: "rotateSigningKey",
  schema: z.object({}),
  authorize: (user) => can(user, "site.manageSettings"),
  run: async (_input, { user, tx }) => {
    const rotated = await rotateSigningKey(tx, user, clientIpFrom(await headers()));
    if (!rotated) fail(rotationRaceMessage, {}, "conflict");
    return { keyId: rotated.created.id, fingerprint: rotated.created.fingerprint };
  },
  after: async () => revalidatePath("/admin/badges"),
});
