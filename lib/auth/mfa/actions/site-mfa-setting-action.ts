"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { setRequireStaffMfa } from "@/lib/site/settings";
import { siteMfaSettingSchema } from "../schemas";
import { mfaStatusOf } from "../status";

// An admin requires (or stops requiring) two-step verification of teachers and admins.
export const siteMfaSettingAction = userAction({
  name: "siteMfaSetting",
  schema: siteMfaSettingSchema,
  authorize: (user) => can(user, "site.manageSettings"),
  run: async (input, { user, tx }) => {
    // Requiring it while having none would shut the admin out of its own pages at once.
    if (input.requireStaffMfa && !(await mfaStatusOf(tx, user.id)).enabled) {
      fail("Set up two-step verification for your own account first (Settings → Security).");
    }
    const changed = await setRequireStaffMfa(tx, user, input.requireStaffMfa, clientIpFrom(await headers()));
    return { requireStaffMfa: input.requireStaffMfa, changed };
  },
  after: async () => revalidatePath("/admin"),
});
