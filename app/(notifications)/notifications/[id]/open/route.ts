import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { openNotification } from "@/lib/notifications/read-notifications";
import { notificationIdSchema, safeNotificationLink } from "@/lib/notifications/schemas";

/**
 * GET /notifications/<id>/open: marks the signed-in user's notification read
 * and goes on to what it is about. The list links here with a plain anchor
 * (never prefetched), so only a click marks it. Someone else's id, or a bad
 * one, leads back to the list and changes nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  // A relative Location: right behind any proxy, whatever host the server thinks it has.
  const to = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
  if (!user) return to(`/sign-in?callbackUrl=${encodeURIComponent(`/notifications/${id}/open`)}`);
  const parsed = notificationIdSchema.safeParse({ id });
  if (!parsed.success) return to("/notifications");
  try {
    const link = await db.transaction((tx) => openNotification(tx, user, parsed.data.id));
    return to(safeNotificationLink(link));
  } catch (error) {
    console.error("[notifications] could not open a notification", error);
    return to("/notifications");
  }
}
