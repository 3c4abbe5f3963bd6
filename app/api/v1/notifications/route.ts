import { listNotificationsContract, notificationItem } from "@/lib/api/contracts/notifications";
import { pageOf } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { listNotificationsAfter } from "@/lib/notifications/queries";

export const GET = apiRoute(listNotificationsContract, async ({ db, user, query, url }) => {
  const unread = query.unread === undefined ? undefined : query.unread === "true";
  const rows = await listNotificationsAfter(db, user, { unread, cursor: query.cursor, limit: query.limit });
  return pageOf(url, rows, query.limit, notificationItem);
});
