import { NextResponse } from "next/server";
import { db } from "@/db";
import { getCurrentSession } from "@/lib/auth/current-user";
import { unreadCount } from "@/lib/notifications/queries";
import { notificationHub, type UnreadUpdate } from "@/lib/notifications/realtime/hub";
import { isSessionLive } from "@/lib/sessions/store";

export const dynamic = "force-dynamic";

/**
 * A comment line often enough that proxies never close an idle stream; each
 * one first checks the session, so a stream of a signed-out session ends
 * within this interval.
 */
const heartbeatMs = 25_000;
/**
 * The stream ends after a while and the browser reconnects on its own: the
 * session is then checked again, so a signed-out or deactivated user stops
 * hearing within minutes.
 */
const lifetimeMs = 5 * 60_000;

/**
 * GET /api/notifications/stream: Server-Sent Events for the signed-in user.
 * Sends `unread` events ({ unread, fresh }) now and whenever the count changes
 * or a notification arrives, fed by the process's one LISTEN.
 */
export async function GET(request: Request) {
  const session = await getCurrentSession();
  if (!session) return NextResponse.json({ error: "Sign in to see your notifications." }, { status: 401 });
  const { user } = session;
  const unread = await unreadCount(db, user);

  const encoder = new TextEncoder();
  let finish = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const send = (update: UnreadUpdate) => write(`event: unread\ndata: ${JSON.stringify(update)}\n\n`);
      write("retry: 5000\n\n");
      send({ unread, fresh: false });
      const unsubscribe = notificationHub().subscribe(user.id, unread, send);
      const heartbeat = setInterval(() => {
        // A failed check ends the stream too: the browser reconnects and is checked afresh.
        isSessionLive(db, session.sessionId).then(
          (live) => (live ? write(": keep-alive\n\n") : finish()),
          () => finish(),
        );
      }, heartbeatMs);
      const end = setTimeout(() => finish(), lifetimeMs);
      finish = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(end);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener("abort", () => finish());
    },
    cancel() {
      finish();
    },
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
