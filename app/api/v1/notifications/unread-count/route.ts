import { notificationUnreadCountContract } from "@/lib/api/contracts/notifications";
import { apiRoute } from "@/lib/api/route";
import { unreadCount } from "@/lib/notifications/queries";

export const GET = apiRoute(notificationUnreadCountContract, async ({ db, user }) => ({ unread: await unreadCount(db, user) }));
