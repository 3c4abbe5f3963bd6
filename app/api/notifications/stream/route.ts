import { NextResponse } from "next/server";
import { db } from "@/db";
import { getCurrentSession } from "@/lib/auth/current-user";
import { unreadCount } from "@/lib/notifications/queries";
import { notificationEventStream } from "@/lib/notifications/realtime/event-stream";
import { notificationHub } from "@/lib/notifications/realtime/hub";
import { shutdownStarted } from "@/lib/server/shutdown-hooks.mjs";
import { isSessionLive } from "@/lib/sessions/store";

export const dynamic = "force-dynamic";

/**
 * GET /api/notifications/stream: Server-Sent Events for the signed-in user.
 * Sends `unread` events ({ unread, fresh }) now and whenever the count changes
 * or a notification arrives, fed by the process's one LISTEN. A user holds at
 * most NOTIFICATION_STREAMS_PER_USER streams (3): opening another ends the
 * oldest with a `closed` event.
 */
export async function GET(request: Request) {
  // A server on its way down opens no new stream: the browser tries again shortly, elsewhere.
  if (shutdownStarted()) return new Response(null, { status: 503, headers: { "Retry-After": "2", "Cache-Control": "no-store" } });
  const session = await getCurrentSession();
  if (!session) return NextResponse.json({ error: "Sign in to see your notifications." }, { status: 401 });
  const { user } = session;
  const unread = await unreadCount(db, user);
  const body = notificationEventStream({
    hub: notificationHub(),
    userId: user.id,
    unread,
    signal: request.signal,
    stillAllowed: () => isSessionLive(db, session.sessionId),
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (which would buffer the events) off this response.
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
