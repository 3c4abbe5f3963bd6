import "server-only";
import type { NotificationHub, UnreadUpdate } from "./hub";

// One user's Server-Sent Events response. Everything it holds (its place in
// the hub, the heartbeat interval, the lifetime timer, the abort listener) is
// released in one place, `finish`, whichever way it ends: the browser leaves,
// the lifetime is up, the user opened too many, or the browser stops reading.

export interface StreamTimings {
  /** A comment line often enough that proxies never close an idle stream. */
  heartbeatMs: number;
  /**
   * The stream ends after a while and the browser reconnects on its own: the
   * session is then checked again, so a signed-out or deactivated user stops
   * hearing within minutes.
   */
  lifetimeMs: number;
}

export const defaultStreamTimings: StreamTimings = { heartbeatMs: 25_000, lifetimeMs: 5 * 60_000 };

/** What the browser is told before an evicted stream ends: wait a minute before reconnecting. */
export const evictedRetryMs = 60_000;

/**
 * Bytes queued for a browser that is not reading. Past this the stream ends
 * rather than buffer without bound (each event is well under 100 bytes).
 */
const maxQueuedBytes = 16 * 1024;

export function notificationEventStream(options: {
  hub: NotificationHub;
  userId: string;
  unread: number;
  signal: AbortSignal;
  /**
   * Asked at each heartbeat: a signed-out (revoked) session's stream ends then,
   * and a failed check ends it too, so the browser reconnects and is checked afresh.
   */
  stillAllowed?: () => Promise<boolean>;
  timings?: StreamTimings;
}): ReadableStream<Uint8Array> {
  const { hub, userId, unread, signal, stillAllowed } = options;
  const timings = options.timings ?? defaultStreamTimings;
  const encoder = new TextEncoder();
  let finish = () => {};

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const write = (text: string) => {
          if (!open) return;
          // desiredSize is what the queue may still take: at or below zero the browser is not reading.
          if ((controller.desiredSize ?? 0) <= 0) return finish();
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            finish();
          }
        };
        const send = (update: UnreadUpdate) => write(`event: unread\ndata: ${JSON.stringify(update)}\n\n`);
        const evicted = () => {
          // Already out of the hub; the browser is told to wait before reconnecting, then the stream ends.
          write(`retry: ${evictedRetryMs}\nevent: closed\ndata: {"reason":"too_many_streams"}\n\n`);
          finish();
        };
        const closed = (retryMs: number) => {
          // Already out of the hub (the server is shutting down): the stream ends and the browser's
          // EventSource reconnects by itself after `retryMs`, to whichever server then answers.
          write(`retry: ${retryMs}\n\n`);
          finish();
        };
        const onAbort = () => finish();

        write("retry: 5000\n\n");
        send({ unread, fresh: false });
        const unsubscribe = hub.subscribe(userId, unread, send, evicted, closed);
        const heartbeat = setInterval(() => {
          if (!stillAllowed) return write(": keep-alive\n\n");
          stillAllowed().then(
            (allowed) => (allowed ? write(": keep-alive\n\n") : finish()),
            () => finish(),
          );
        }, timings.heartbeatMs);
        const end = setTimeout(() => finish(), timings.lifetimeMs);
        finish = () => {
          if (!open) return;
          open = false;
          unsubscribe();
          clearInterval(heartbeat);
          clearTimeout(end);
          signal.removeEventListener("abort", onAbort);
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        if (signal.aborted) finish();
        else signal.addEventListener("abort", onAbort);
      },
      cancel() {
        finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes }),
  );
}
