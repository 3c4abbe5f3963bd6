import { markAllNotificationsReadContract } from "@/lib/api/contracts/notifications";
import { apiRoute } from "@/lib/api/route";
import { markNotificationsRead } from "@/lib/notifications/read-notifications";

export const POST = apiRoute(markAllNotificationsReadContract, async ({ db, user }) => ({ marked: await markNotificationsRead(db, user) }));
