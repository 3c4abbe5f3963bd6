import { NextResponse } from "next/server";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { unreadCount } from "@/lib/notifications/queries";
import { notificationHub, type UnreadUpdate } from "@/lib/notifications/realtime/hub";

export const dynamic = "force-dynamic";

/** A comment line often enough that proxies never close an idle stream. */
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
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your notifications." }, { status: 401 });
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
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
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
