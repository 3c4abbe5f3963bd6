import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logging/logger.mjs";
import { parseTrustProxy, type ProxyTrust } from "@/lib/security/trust-proxy.mjs";
import { forwardedMarkHeader } from "@/lib/server/forwarded-mark.mjs";
import { noteRequestUser } from "@/lib/server/request-context.mjs";
import { requestIdHeader } from "@/lib/server/request-id.mjs";
import { createRequestObserver } from "@/lib/server/request-observer.mjs";
import { routeMatcher } from "@/lib/server/route-pattern.mjs";

// What scripts/serve.mjs does around each request, on a real Node server with
// a stand-in for the app: the id header, the log line and the metrics.

const routeOf = routeMatcher({
  staticRoutes: [{ page: "/reset-password", regex: "^/reset\\-password(?:/)?$" }],
  dynamicRoutes: [{ page: "/courses/[courseId]", regex: "^/courses/([^/]+?)(?:/)?$" }],
});

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function start(trustProxy = "") {
  const parsed = parseTrustProxy(trustProxy);
  const trust = (parsed as { trust: ProxyTrust }).trust;
  const lines: string[] = [];
  const observed: { labels: { method: string; route: string; status: number }; seconds: number }[] = [];
  const observe = createRequestObserver({
    trust,
    routeOf,
    logger: createLogger({ destination: { write: (line: string) => lines.push(line) } }),
    metrics: { observeRequest: (labels, seconds) => observed.push({ labels, seconds }) },
  });
  const seenByApp: string[] = [];
  const forwardedMarks: (string | undefined)[] = [];
  server = createServer((request, response) => {
    observe(request, response);
    // The app: reads the id from the private header, notes who is signed in, answers.
    const id = request.headers[requestIdHeader] as string;
    seenByApp.push(id);
    forwardedMarks.push(request.headers[forwardedMarkHeader] as string | undefined);
    if (request.headers.cookie === "signed-in") noteRequestUser(id, "user-42");
    response.statusCode = request.url?.startsWith("/courses/") ? 200 : 404;
    if (request.url?.startsWith("/reset-password")) response.statusCode = 500;
    response.end("body");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { base, entries, observed, seenByApp, forwardedMarks };
}

describe("the server's request observer", () => {
  it("returns the request's id, hands the same id to the app and logs one line under the route pattern", async () => {
    const { base, entries, observed, seenByApp } = await start();
    const response = await fetch(`${base}/courses/8c5a3e6e-1111-4222-8333-444455556666?tab=grades`, {
      headers: { cookie: "signed-in", "x-request-id": "client-chosen", [requestIdHeader]: "forged" },
    });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByApp).toEqual([id]);

    await expect.poll(() => entries().length).toBe(1);
    const [line] = entries();
    expect(line).toMatchObject({ msg: "request", requestId: id, method: "GET", route: "/courses/[courseId]", status: 200, userId: "user-42" });
    expect(typeof line!.durationMs).toBe("number");
    expect(JSON.stringify(line)).not.toContain("8c5a3e6e");
    expect(JSON.stringify(line)).not.toContain("grades");
    expect(observed).toEqual([{ labels: { method: "GET", route: "/courses/[courseId]", status: 200 }, seconds: expect.any(Number) }]);
  });

  it("never logs a query string's token, and logs server errors at error level", async () => {
    const { base, entries } = await start();
    await fetch(`${base}/reset-password?token=very-secret-reset-token`);
    await expect.poll(() => entries().length).toBe(1);
    const [line] = entries();
    expect(line).toMatchObject({ route: "/reset-password", status: 500, levelName: "error" });
    expect(line).not.toHaveProperty("userId");
    expect(JSON.stringify(entries())).not.toContain("very-secret-reset-token");
  });

  it("labels unknown paths and odd methods with a fixed value", async () => {
    const { base, entries } = await start();
    await fetch(`${base}/wp-admin/setup.php`, { method: "PROPFIND" }).catch(() => {});
    await expect.poll(() => entries().length).toBe(1);
    expect(entries()[0]).toMatchObject({ route: "(unmatched)", method: "OTHER", status: 404 });
  });

  it("marks the requests that arrived through a proxy, and removes a client's own mark", async () => {
    const { base, forwardedMarks } = await start();
    await fetch(`${base}/courses/1`, { headers: { [forwardedMarkHeader]: "0" } });
    await fetch(`${base}/courses/1`, { headers: { "x-forwarded-for": "203.0.113.1" } });
    await fetch(`${base}/courses/1`, { headers: { forwarded: "for=203.0.113.1" } });
    expect(forwardedMarks).toEqual([undefined, "1", "1"]);
  });

  it("keeps a trusted proxy's request id", async () => {
    const { base } = await start("127.0.0.1");
    const response = await fetch(`${base}/courses/1`, { headers: { "x-request-id": "edge-7f3a9c" } });
    expect(response.headers.get("x-request-id")).toBe("edge-7f3a9c");
  });
});
