"use server";

import { userAction } from "@/lib/actions/action";
import { markNotificationsRead } from "../read-notifications";
import { markAllReadSchema, notificationIdSchema } from "../schemas";

// Anyone signed in may mark notifications read: only their own, since
// ownership is in the UPDATE's WHERE (another user's id changes nothing).

// Marks one notification as read.
export const markNotificationReadAction = userAction({
  name: "markNotificationRead",
  schema: notificationIdSchema,
  authorize: () => true,
  run: async (input, { user, tx }) => ({ marked: await markNotificationsRead(tx, user, [input.id]) }),
});

// Marks every notification of the user as read.
export const markAllNotificationsReadAction = userAction({
  name: "markAllNotificationsRead",
  schema: markAllReadSchema,
  authorize: () => true,
  run: async (_input, { user, tx }) => ({ marked: await markNotificationsRead(tx, user) }),
});
