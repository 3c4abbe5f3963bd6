// npm run worker serves its own /metrics (WORKER_METRICS_PORT): the job runs
// and statements of that process, the queue depth, with the web server's rule
// for who may read them.
import { afterEach, describe, expect, it } from "vitest";
import { getDatabaseHandle } from "@/db";
import { appMetrics } from "@/lib/metrics/registry.mjs";
import { parseMetricsPort, serveWorkerMetrics, type WorkerMetricsServer } from "@/lib/metrics/worker-metrics-server";
import { testDb } from "./helpers";

const token = "worker-metrics-token-0123456789";
let server: WorkerMetricsServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

const start = async (options: { token?: string; trustProxy?: string } = {}) => {
  server = await serveWorkerMetrics({ port: 0, handle: getDatabaseHandle(), ...options });
  return server.url;
};

describe("the worker's /metrics", () => {
  it("serves this process's job runs, statements, pool and queue depth to a local scraper", async () => {
    const url = await start();
    appMetrics().jobRan("email.send", 0.25, false);
    appMetrics().jobRan("email.send", 0.5, true);
    // A statement of this process after the server started counts.
    await testDb().execute("SELECT 1");

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^jeevi_job_runs_total\{job="email\.send",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^jeevi_job_runs_total\{job="email\.send",outcome="error"\} [1-9]/m);
    expect(text).toMatch(/^jeevi_db_statement_duration_seconds_count\{operation="select",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^jeevi_db_pool_max_connections\{driver="(postgres|pglite)"\} \d+/m);
    expect(text).toMatch(/^# TYPE jeevi_queue_depth gauge/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it("keeps the web server's rule: forwarded or remote callers need METRICS_TOKEN", async () => {
    let url = await start();
    // Through a proxy on this machine, with no token configured: as if nothing were here.
    expect((await fetch(url, { headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(404);
    // A client cannot claim to be local with the server's private headers.
    expect((await fetch(url, { headers: { "x-forwarded-for": "203.0.113.9", "x-jeevi-client-ip": "127.0.0.1" } })).status).toBe(404);
    await server!.close();

    url = await start({ token });
    const forwarded = { "x-forwarded-for": "203.0.113.9" };
    const refused = await fetch(url, { headers: forwarded });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect((await fetch(url, { headers: { ...forwarded, authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(url, { headers: { ...forwarded, authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it("answers only GET and HEAD on /metrics", async () => {
    const url = await start();
    expect((await fetch(url.replace(/\/metrics$/, "/"))).status).toBe(404);
    expect((await fetch(`${url}/more`)).status).toBe(404);
    const post = await fetch(url, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("refuses a TRUST_PROXY it cannot read, as the web server does", async () => {
    await expect(start({ trustProxy: "not an address" })).rejects.toThrow();
  });
});

describe("WORKER_METRICS_PORT", () => {
  it("is a port number or unset, with a sentence for anything else", () => {
    expect(parseMetricsPort(undefined)).toBeNull();
    expect(parseMetricsPort("  ")).toBeNull();
    expect(parseMetricsPort("9464")).toBe(9464);
    for (const bad of ["0", "65536", "-1", "94.64", "port", "9464x"]) {
      expect(() => parseMetricsPort(bad)).toThrow("WORKER_METRICS_PORT must be a port number from 1 to 65535");
    }
  });
});
