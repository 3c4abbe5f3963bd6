import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { notificationLink, openNotification } from "@/lib/notifications/read-notifications";
import { notificationIdSchema, safeNotificationLink } from "@/lib/notifications/schemas";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";
import { logger } from "@/lib/logging/logger.mjs";

type Context = { params: Promise<{ id: string }> };

// A relative Location: right behind any proxy, whatever host the server thinks it has.
const to = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });

/**
 * POST /notifications/<id>/open: the list's button for a notification. Marks
 * the signed-in user's notification read and goes on to what it is about.
 * Someone else's id, or a bad one, leads back to the list and changes nothing;
 * so does a post from another site's page.
 */
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return to(`/sign-in?callbackUrl=${encodeURIComponent("/notifications")}`);
  if (isCrossSiteWrite(request)) return crossSiteRefusal(new URL(request.url).pathname);
  const parsed = notificationIdSchema.safeParse({ id });
  if (!parsed.success) return to("/notifications");
  try {
    const link = await db.transaction((tx) => openNotification(tx, user, parsed.data.id));
    return to(safeNotificationLink(link));
  } catch (error) {
    logger().error({ err: error }, "notifications: could not open a notification");
    return to("/notifications");
  }
}

/**
 * GET /notifications/<id>/open (an old bookmark, a link from elsewhere): goes
 * to what the notification is about and changes nothing. No GET changes
 * state, so only the list's button (a POST from this site) marks it read.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return to(`/sign-in?callbackUrl=${encodeURIComponent(`/notifications/${id}/open`)}`);
  const parsed = notificationIdSchema.safeParse({ id });
  if (!parsed.success) return to("/notifications");
  try {
    return to(safeNotificationLink(await notificationLink(db, user, parsed.data.id)));
  } catch (error) {
    logger().error({ err: error }, "notifications: could not read a notification");
    return to("/notifications");
  }
}
