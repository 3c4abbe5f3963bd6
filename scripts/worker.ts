// npm run worker: the background jobs (pg-boss queues: notifications,
// due-date reminders, email, sweeps) in a process of their own, for sites that
// run the web server with WORKER=off; run as many as you like. Needs
// PostgreSQL: the embedded database can be opened by one process only, and
// that is the web server.
import { connectPostgres } from "@/db";
import { databaseUrl } from "@/db/config";
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

const handle = connectPostgres(url);
const worker = await startWorker(() => handle);
console.log("Jeevi Academy worker running. Stop with Ctrl+C.");

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
  await handle.close();
  process.exit(0);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
