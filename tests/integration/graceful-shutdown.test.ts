import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDatabaseHandle } from "@/db";
import { createLogger } from "@/lib/logging/logger.mjs";
import { notificationEventStream } from "@/lib/notifications/realtime/event-stream";
import { NotificationHub } from "@/lib/notifications/realtime/hub";
import { createGracefulShutdown, parseShutdownTimeout } from "@/lib/server/graceful-shutdown.mjs";
import { onShutdown, shutdownStarted } from "@/lib/server/shutdown-hooks.mjs";

// The shutdown of scripts/serve.mjs, on a plain Node server with the app's
// real notification streams and the same shutdown steps the app registers.

const logger = createLogger({ level: "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function startServer(hub: NotificationHub) {
  server = createServer((request, response) => {
    if (request.url === "/slow") {
      setTimeout(() => response.end("finished"), 300);
    } else if (request.url === "/hang") {
      response.writeHead(200);
      response.write("started");
    } else if (request.url === "/stream") {
      const aborted = new AbortController();
      request.on("close", () => aborted.abort());
      const body = notificationEventStream({ hub, userId: "shutdown-test-user", unread: 2, signal: aborted.signal });
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      Readable.fromWeb(body as unknown as NodeReadableStream).pipe(response);
    } else {
      response.end("ok");
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe("graceful shutdown", () => {
  it("finishes requests in progress, ends streams with a retry hint, stops the worker, then closes and exits 0", async () => {
    const hub = new NotificationHub(getDatabaseHandle);
    const steps: string[] = [];
    onShutdown("notification streams", "drain", () => hub.closeAll(() => 1234));
    onShutdown("worker", "drain", async () => {
      await sleep(50); // a job finishing its run
      steps.push("worker stopped");
    });
    onShutdown("database", "close", () => void steps.push("database closed"));
    const base = await startServer(hub);

    // A keep-alive connection left idle by an earlier request must not hold the shutdown open.
    expect(await (await fetch(`${base}/`)).text()).toBe("ok");
    const stream = await fetch(`${base}/stream`);
    const streamText = stream.text();
    await until(() => hub.streamCount() === 1, "the stream to open");
    const slow = fetch(`${base}/slow`).then((response) => response.text());
    await sleep(50);

    const exit = vi.fn();
    const done = createGracefulShutdown({ server: server!, timeoutMs: 5000, logger, exit, closeApp: async () => void steps.push("app closed") })(
      "SIGTERM",
    );
    expect(shutdownStarted()).toBe(true);

    expect(await slow).toBe("finished");
    const events = await streamText;
    expect(events).toContain('event: unread\ndata: {"unread":2,"fresh":false}');
    expect(events.trimEnd().endsWith("retry: 1234")).toBe(true);
    expect(hub.streamCount()).toBe(0);

    await done;
    expect(steps).toEqual(["worker stopped", "app closed", "database closed"]);
    expect(exit).toHaveBeenCalledWith(0);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it("cuts off what is still running after the timeout and exits 1", async () => {
    const base = await startServer(new NotificationHub(getDatabaseHandle));
    const hanging = fetch(`${base}/hang`).then((response) => response.text());
    await sleep(50);
    const exit = vi.fn();
    const started = Date.now();
    await createGracefulShutdown({ server: server!, timeoutMs: 300, logger, exit, runHooks: async () => {} })("SIGTERM");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(exit).toHaveBeenCalledWith(1);
    await expect(hanging).rejects.toThrow();
  });

  it("exits at once on a second signal", async () => {
    await startServer(new NotificationHub(getDatabaseHandle));
    const exit = vi.fn();
    const shutdown = createGracefulShutdown({ server: server!, timeoutMs: 5000, logger, exit, runHooks: async () => void (await sleep(200)) });
    const first = shutdown("SIGINT");
    void shutdown("SIGINT");
    expect(exit).toHaveBeenCalledWith(1);
    await first;
  });

  it("reads SHUTDOWN_TIMEOUT in seconds and refuses nonsense", () => {
    expect(parseShutdownTimeout(undefined)).toEqual({ ok: true, ms: 25_000 });
    expect(parseShutdownTimeout("10")).toEqual({ ok: true, ms: 10_000 });
    expect(parseShutdownTimeout("2.5")).toEqual({ ok: true, ms: 2_500 });
    for (const bad of ["0", "601", "10s", "-1", "ten"]) expect(parseShutdownTimeout(bad)).toMatchObject({ ok: false });
  });
});
