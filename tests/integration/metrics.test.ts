import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { GET as metricsRoute } from "@/app/metrics/route";
import { domainEvents, emailDeliveries } from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { authenticate } from "@/lib/auth/authenticate";
import { createLogger } from "@/lib/logging/logger.mjs";
import { notificationHub } from "@/lib/notifications/realtime/hub";
import { enqueueJob } from "@/lib/worker/enqueue";
import { appMetrics } from "@/lib/metrics/registry.mjs";
import { createUser, testDb, testDbKind } from "./helpers";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const token = "metrics-test-token-0123456789";
const scrape = (headers: Record<string, string>) => metricsRoute(new Request("http://localhost/metrics", { headers }));
const local = { "x-jeevi-client-ip": "127.0.0.1" };
const remote = { "x-jeevi-client-ip": "203.0.113.7" };

async function scrapeText(): Promise<string> {
  const response = await scrape(local);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series in the exposition text, or undefined when it is absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /metrics access", () => {
  it("is not found for a remote caller while no METRICS_TOKEN is set", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    const response = await scrape({ ...remote, authorization: `Bearer ${token}` });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("jeevi_");
  });

  it("wants the token from a remote caller, and answers with it", async () => {
    vi.stubEnv("METRICS_TOKEN", token);
    for (const headers of [remote, { ...remote, authorization: "Bearer wrong-token" }]) {
      const refused = await scrape(headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await refused.text()).not.toContain("jeevi_");
    }
    const allowed = await scrape({ ...remote, authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(allowed.headers.get("cache-control")).toBe("no-store");
    expect(await allowed.text()).toContain("# TYPE jeevi_http_requests_total counter");
  });

  it("answers a direct caller on this machine without a token, but not one behind a proxy", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await scrape(local)).status).toBe(200);
    expect((await scrape({ ...local, "x-jeevi-forwarded": "1" })).status).toBe(404);
  });
});

describe("GET /metrics content", () => {
  it("counts requests by route pattern, method and status, with durations", async () => {
    appMetrics().observeRequest({ method: "GET", route: "/courses/[courseId]", status: 200 }, 0.042);
    appMetrics().observeRequest({ method: "BREW", route: "(unmatched)", status: 404 }, 0.001);
    const text = await scrapeText();
    expect(valueOf(text, 'jeevi_http_requests_total{method="GET",route="/courses/[courseId]",status="200"}')).toBe(1);
    expect(valueOf(text, 'jeevi_http_requests_total{method="OTHER",route="(unmatched)",status="404"}')).toBe(1);
    expect(valueOf(text, 'jeevi_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/courses/[courseId]",status="200"}')).toBe(1);
    expect(valueOf(text, 'jeevi_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/courses/[courseId]",status="200"}')).toBe(0);
  });

  it("times database statements and shows the pool's size", async () => {
    const series = 'jeevi_db_statement_duration_seconds_count{operation="select",outcome="ok"}';
    const before = valueOf(await scrapeText(), series) ?? 0;
    await testDb().execute(sql`SELECT 1`);
    await testDb().execute(sql`SELECT 2`);
    const failing = testDb().execute(sql`SELECT * FROM no_such_table`);
    await expect(failing).rejects.toThrow();
    const text = await scrapeText();
    // The scrape itself reads the queue depth with statements of its own.
    expect(valueOf(text, series)).toBeGreaterThanOrEqual(before + 2);
    expect(valueOf(text, 'jeevi_db_statement_duration_seconds_count{operation="select",outcome="error"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, "jeevi_db_statements_in_flight")).toBeGreaterThanOrEqual(0);
    const kind = testDbKind();
    expect(valueOf(text, `jeevi_db_pool_max_connections{driver="${kind}"}`)).toBe(kind === "pglite" ? 1 : 5);
  });

  it("reads the queue depth from the outbox tables at scrape time", async () => {
    const user = await createUser();
    const [event] = await testDb()
      .insert(domainEvents)
      .values({ type: "course.published", aggregateType: "course", aggregateId: "c1" })
      .returning({ id: domainEvents.id });
    await testDb()
      .insert(emailDeliveries)
      .values([
        { userId: user.id, type: "grade.released", title: "a", link: "/a", status: "pending" },
        { userId: user.id, eventId: event!.id, type: "grade.released", title: "b", link: "/b", status: "failed" },
      ]);
    const text = await scrapeText();
    expect(valueOf(text, 'jeevi_queue_depth{queue="notification-events",state="pending"}')).toBe(1);
    expect(valueOf(text, 'jeevi_queue_depth{queue="email",state="pending"}')).toBe(1);
    expect(valueOf(text, 'jeevi_queue_depth{queue="email",state="failed"}')).toBe(1);
    expect(valueOf(text, 'jeevi_queue_depth{queue="email",state="digest"}')).toBe(0);
  });

  it("reads pg-boss's job table beside the outboxes: waiting jobs per queue, finished ones not at all", async () => {
    await testDb().transaction(async (tx) => {
      await enqueueJob(tx, "email.send");
      await enqueueJob(tx, "email.send");
      await enqueueJob(tx, "api-housekeeping");
    });
    const text = await scrapeText();
    expect(valueOf(text, 'jeevi_queue_depth{queue="email.send",state="created"}')).toBe(2);
    expect(valueOf(text, 'jeevi_queue_depth{queue="api-housekeeping",state="created"}')).toBe(1);
    expect(valueOf(text, 'jeevi_queue_depth{queue="email.send",state="completed"}')).toBeUndefined();
    expect(text).toContain('jeevi_queue_depth{queue="notification-events",state="pending"}');
  });

  it("counts refused sign-ins by reason", async () => {
    const series = 'jeevi_sign_in_failures_total{reason="invalid"}';
    const before = valueOf(await scrapeText(), series) ?? 0;
    const user = await createUser({ password: "the-right-password-1" });
    const result = await authenticate(testDb(), { email: user.email, password: "a-wrong-password-1", ip: "192.0.2.77" });
    expect(result.ok).toBe(false);
    expect(valueOf(await scrapeText(), series)).toBe(before + 1);
  });

  it("shows the open notification streams of this process", async () => {
    const unsubscribe = notificationHub().subscribe("metrics-user", 0, () => {});
    try {
      expect(valueOf(await scrapeText(), "jeevi_sse_connections")).toBe(1);
    } finally {
      unsubscribe();
    }
    expect(valueOf(await scrapeText(), "jeevi_sse_connections")).toBe(0);
  });
});

describe("the action wrapper's error log", () => {
  it("logs an unexpected database error with its id, and without the statement's parameters", async () => {
    const lines: string[] = [];
    const store = globalThis as unknown as { __jeeviLogger?: unknown };
    const previous = store.__jeeviLogger;
    store.__jeeviLogger = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    try {
      const result = await executeAction(
        {
          name: "test.leaky",
          schema: z.object({ password: z.string() }),
          authorize: () => true,
          run: async ({ password }, { tx }) => tx.execute(sql`SELECT ${password}::int`),
        },
        { password: "leaky-password-value" },
        null,
      );
      expect(result.ok).toBe(false);
      const reference = /reference ([0-9a-f]{8})/.exec(result.ok ? "" : result.error)?.[1];
      expect(reference).toBeDefined();
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ levelName: "error", action: "test.leaky", errorId: reference, msg: "action: unexpected error" });
      expect(lines.join("")).not.toContain("leaky-password-value");
    } finally {
      store.__jeeviLogger = previous;
    }
  });
});
