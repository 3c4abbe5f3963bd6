"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { users } from "@/db/schema";
import { userAction } from "@/lib/actions/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { resetUserMfa } from "../admin-reset";
import { resetUserMfaSchema } from "../schemas";

// An admin resets another user's two-step verification (a lost device).
export const resetUserMfaAction = userAction({
  name: "resetUserMfa",
  schema: resetUserMfaSchema,
  authorize: async (user, input, tx) => {
    const [target] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, input.userId));
    return target !== undefined && can(user, "user.resetMfa", target);
  },
  run: async (input, { user, tx }) => resetUserMfa(tx, user, input.userId, clientIpFrom(await headers())),
  after: async (data) => {
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${data.userId}/security`);
  },
});
