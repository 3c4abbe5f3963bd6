"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { notificationPreferencesSchema } from "../preferences-schema";
import { saveNotificationPreferences } from "../save-preferences";

// Saves how the signed-in user hears of each kind of notification. Every
// signed-in role has settings of its own, and the only row it writes is the
// user's own (the user id comes from the session, never from the form).
export const saveNotificationPreferencesAction = userAction({
  name: "saveNotificationPreferences",
  schema: notificationPreferencesSchema,
  authorize: (user) => can(user, "account.manageNotifications", user),
  run: async (input, { user, tx }) => {
    await saveNotificationPreferences(tx, user, input);
    return input;
  },
  after: async () => revalidatePath("/settings/notifications"),
});
