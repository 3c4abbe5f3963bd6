// npm run worker: the background jobs (pg-boss queues: notifications,
// due-date reminders, email, sweeps) in a process of their own, for sites that
// run the web server with WORKER=off; run as many as you like. Needs
// PostgreSQL: the embedded database can be opened by one process only, and
// that is the web server.
import { connectPostgres } from "@/db";
import { databaseUrl } from "@/db/config";
import { parseMetricsPort, serveWorkerMetrics, type WorkerMetricsServer } from "@/lib/metrics/worker-metrics-server";
import { startWorker } from "@/lib/worker/start-worker";

const url = databaseUrl();
if (!url) {
  console.error(
    "\nnpm run worker needs DATABASE_URL (a PostgreSQL server).\n" +
      "With the embedded database (no DATABASE_URL) the web server runs the worker itself;\n" +
      "only one process may open the embedded database.\n",
  );
  process.exit(1);
}

let metricsPort: number | null;
try {
  metricsPort = parseMetricsPort(process.env.WORKER_METRICS_PORT);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}

const handle = connectPostgres(url);
// Prometheus scrapes each worker here (docs/operations.md#metrics); the web server's /metrics cannot see this process.
let metrics: WorkerMetricsServer | null = null;
try {
  metrics = metricsPort
    ? await serveWorkerMetrics({
        port: metricsPort,
        host: process.env.WORKER_METRICS_HOST?.trim() || "127.0.0.1",
        handle,
        token: process.env.METRICS_TOKEN?.trim() ?? "",
        trustProxy: process.env.TRUST_PROXY,
      })
    : null;
} catch (error) {
  console.error(`\nThe worker's metrics could not be served: ${(error as Error).message}\n`);
  await handle.close();
  process.exit(1);
}
const worker = await startWorker(() => handle);
console.log(`Jeevi Academy worker running${metrics ? `, metrics at ${metrics.url}` : ""}. Stop with Ctrl+C.`);

/** How long SIGTERM waits for running jobs; the ones still going are failed back to their queue and retried. */
const shutdownTimeoutMs = 25_000;

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: taking no more jobs, finishing the runs in progress...`);
  try {
    await worker.stop(shutdownTimeoutMs);
  } catch (error) {
    console.error("[worker] stopping pg-boss failed", error);
  }
  await metrics?.close();
  await handle.close();
  process.exit(0);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
