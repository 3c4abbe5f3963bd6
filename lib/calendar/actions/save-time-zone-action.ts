"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { saveTimeZone } from "../reader-time-zone";
import { timeZoneSettingSchema } from "../time-zone-setting";

// Saves the zone the signed-in user reads dates in ("" follows the browser's).
// Like notification choices it is a preference, not audited; the row written
// is the user's own (the id comes from the session, never from the form).
export const saveTimeZoneAction = userAction({
  name: "saveTimeZone",
  schema: timeZoneSettingSchema,
  authorize: (user) => can(user, "account.manageTimeZone", user),
  run: async (input, { user, tx }) => ({ timeZone: await saveTimeZone(tx, user, input.timeZone) }),
  after: async () => {
    revalidatePath("/settings/calendar");
    revalidatePath("/calendar", "layout");
  },
});
