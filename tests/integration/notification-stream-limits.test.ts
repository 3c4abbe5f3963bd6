import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDatabaseHandle } from "@/db";
import { notificationEventStream, type StreamTimings } from "@/lib/notifications/realtime/event-stream";
import { NotificationHub } from "@/lib/notifications/realtime/hub";

// One student opening a hundred notification streams: at most
// NOTIFICATION_STREAMS_PER_USER stay registered (the oldest are told to wait
// and closed), and closing them all leaves no stream, timer or listener
// behind. The clock is fake, so the heartbeat and lifetime timers are counted,
// not waited for.

const timings: StreamTimings = { heartbeatMs: 25_000, lifetimeMs: 300_000 };
const decoder = new TextDecoder();

/** Everything a stream has queued so far, without waiting for more. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ text: string; done: boolean }> {
  const reader = stream.getReader();
  let text = "";
  for (;;) {
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setImmediate(() => resolve(null)))]);
    if (next === null) {
      reader.releaseLock();
      return { text, done: false };
    }
    if (next.done) return { text, done: true };
    text += decoder.decode(next.value);
  }
}

let hub: NotificationHub;
beforeEach(async () => {
  hub = new NotificationHub(getDatabaseHandle);
  await hub.ready();
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.NOTIFICATION_STREAMS_PER_USER;
});

const open = (userId: string, controller = new AbortController()) => ({
  controller,
  stream: notificationEventStream({ hub, userId, unread: 2, signal: controller.signal, timings }),
});

describe("notification streams per user", () => {
  it("keeps at most three of a user's hundred streams, closing the oldest with a final event", async () => {
    const streams = Array.from({ length: 100 }, () => open("student-a"));
    const other = open("student-b");
    expect(hub.streamCount("student-a")).toBe(3);
    expect(hub.streamCount("student-b")).toBe(1);
    // Two timers (heartbeat, lifetime) for each stream still open, none for the 97 closed.
    expect(vi.getTimerCount()).toBe(2 * 4);

    const oldest = await drain(streams[0]!.stream);
    expect(oldest.done).toBe(true);
    expect(oldest.text).toContain("event: unread");
    expect(oldest.text).toMatch(/retry: 60000\nevent: closed\ndata: \{"reason":"too_many_streams"\}/);
    const newest = await drain(streams[99]!.stream);
    expect(newest.done).toBe(false);
    expect(newest.text).not.toContain("event: closed");

    for (const { controller } of [...streams, other]) controller.abort();
    expect(hub.streamCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("follows NOTIFICATION_STREAMS_PER_USER", () => {
    process.env.NOTIFICATION_STREAMS_PER_USER = "1";
    const first = open("student-c");
    open("student-c");
    expect(hub.streamCount("student-c")).toBe(1);
    first.controller.abort();
    expect(hub.streamCount("student-c")).toBe(1);
  });

  it("releases a stream and its timers when its lifetime is up, or when the browser cancels it", async () => {
    const timed = open("student-d");
    const cancelled = open("student-d");
    expect(hub.streamCount("student-d")).toBe(2);
    await cancelled.stream.cancel();
    expect(hub.streamCount("student-d")).toBe(1);
    vi.advanceTimersByTime(timings.heartbeatMs * 3);
    expect((await drain(timed.stream)).text.match(/: keep-alive/g)).toHaveLength(3);
    vi.advanceTimersByTime(timings.lifetimeMs);
    expect(hub.streamCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect((await drain(timed.stream)).done).toBe(true);
  });

  it("ends a stream whose browser stops reading, instead of buffering for it without bound", () => {
    const stalled = open("student-e");
    // Nobody reads: each heartbeat queues a few bytes, until the queue is full and the stream ends.
    vi.advanceTimersByTime(timings.heartbeatMs * 2000);
    expect(hub.streamCount("student-e")).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    stalled.controller.abort();
  });

  it("a stream opened on an already aborted request registers nothing", () => {
    const controller = new AbortController();
    controller.abort();
    open("student-f", controller);
    expect(hub.streamCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
