// The process's Prometheus metrics (prom-client). Plain JavaScript so the
// server (scripts/serve.mjs) records request metrics without a build step;
// lib/metrics/registry.d.mts types it. Next runs the app's route handlers in
// the same process and may load this module more than once (the server's copy,
// the bundler's copies): everything lives in one object on globalThis, so
// /metrics shows what the server counted.
import client from "prom-client";
import { logger } from "../logging/logger.mjs";

const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const statementBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Methods kept as they are in labels; anything else is "OTHER", so a client cannot mint label values. */
const knownMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
export const methodLabel = (method) => (knownMethods.has(method) ? method : "OTHER");

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  /**
   * Read at scrape time. The app sets them (lib/metrics/app-sources.ts); until
   * it has, the gauges report nothing rather than a made-up zero.
   */
  const sources = {
    /** Open notification streams in this process. */
    sseConnections: null,
    /** Jobs waiting or failed, per queue and state (lib/metrics/queue-depth.ts). */
    queueDepth: null,
    /** The database driver and its connection limit. */
    databasePool: null,
  };
  let statementsInFlight = 0;

  const metrics = {
    httpRequests: new client.Counter({
      name: "jeevi_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "jeevi_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by method, route pattern and status.",
      labelNames: ["method", "route", "status"],
      buckets: durationBuckets,
      registers: [registry],
    }),
    statementDuration: new client.Histogram({
      name: "jeevi_db_statement_duration_seconds",
      help: "Database statement durations, by kind of statement and outcome.",
      labelNames: ["operation", "outcome"],
      buckets: statementBuckets,
      registers: [registry],
    }),
    signInFailures: new client.Counter({
      name: "jeevi_sign_in_failures_total",
      help: "Refused sign-ins: invalid (unknown email or wrong password), inactive (deactivated account), throttled (too many tries).",
      labelNames: ["reason"],
      registers: [registry],
    }),
    jobRuns: new client.Counter({
      name: "jeevi_job_runs_total",
      help: "Background job runs, by job and outcome.",
      labelNames: ["job", "outcome"],
      registers: [registry],
    }),
    jobDuration: new client.Histogram({
      name: "jeevi_job_run_duration_seconds",
      help: "Background job run durations, by job.",
      labelNames: ["job"],
      buckets: durationBuckets,
      registers: [registry],
    }),
  };

  new client.Gauge({
    name: "jeevi_db_statements_in_flight",
    help: "Database statements started and not yet finished in this process.",
    registers: [registry],
    collect() {
      this.set(statementsInFlight);
    },
  });
  new client.Gauge({
    name: "jeevi_db_pool_max_connections",
    help: "The most database connections this process opens (1 for the embedded database).",
    labelNames: ["driver"],
    registers: [registry],
    collect() {
      this.reset();
      const pool = sources.databasePool?.();
      if (pool) this.set({ driver: pool.driver }, pool.max);
    },
  });
  new client.Gauge({
    name: "jeevi_sse_connections",
    help: "Open notification streams (Server-Sent Events) in this process.",
    registers: [registry],
    collect() {
      if (sources.sseConnections) this.set(sources.sseConnections());
    },
  });
  new client.Gauge({
    name: "jeevi_queue_depth",
    help: "Background jobs by queue and state, read from the job tables at scrape time.",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      if (!sources.queueDepth) return;
      try {
        for (const { queue, state, count } of await sources.queueDepth()) this.set({ queue, state }, count);
      } catch (error) {
        // A scrape still answers with everything else; the missing series say the read failed.
        logger().warn({ err: error }, "metrics: could not read the queue depth");
      }
    },
  });

  return {
    registry,
    sources,
    metrics,
    /** One answered request; `route` is a pattern (/courses/[courseId]), never a raw path. */
    observeRequest({ method, route, status }, seconds) {
      const labels = { method: methodLabel(method), route, status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
    },
    statementStarted() {
      statementsInFlight++;
    },
    statementFinished(operation, seconds, failed) {
      statementsInFlight = Math.max(0, statementsInFlight - 1);
      metrics.statementDuration.observe({ operation, outcome: failed ? "error" : "ok" }, seconds);
    },
    signInFailed(reason) {
      metrics.signInFailures.inc({ reason });
    },
    jobRan(job, seconds, failed) {
      metrics.jobRuns.inc({ job, outcome: failed ? "error" : "ok" });
      metrics.jobDuration.observe({ job }, seconds);
    },
  };
}

const store = globalThis;

/** The process's metrics, created on first use. */
export function appMetrics() {
  store.__jeeviMetrics ??= create();
  return store.__jeeviMetrics;
}
