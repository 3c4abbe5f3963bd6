import { markNotificationReadContract, notificationItem } from "@/lib/api/contracts/notifications";
import { apiRoute } from "@/lib/api/route";
import { markNotificationRead } from "@/lib/notifications/read-notifications";

export const POST = apiRoute(markNotificationReadContract, async ({ db, user, params }) =>
  notificationItem(await markNotificationRead(db, user, params.notificationId)),
);
