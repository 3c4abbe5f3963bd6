import type { Instrumentation } from "next";

// Runs once when a Next.js server process starts, in the Node.js runtime of a
// running server only: never in the edge runtime and never while `next build`
// prerenders pages (background work would otherwise open the embedded
// database, whose lock the build must not take).
// The worker delivers notifications, submits overdue quiz attempts and runs
// the other background jobs, unless WORKER=off (a site running
// `npm run worker` separately). On shutdown (scripts/serve.mjs) the worker
// finishes its running jobs, then the database is closed.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installAppMetricSources } = await import("@/lib/metrics/app-sources");
  const { onShutdown } = await import("@/lib/server/shutdown-hooks.mjs");
  const { startInProcessWorker, stopInProcessWorker } = await import("@/lib/worker/in-process");
  const { closeDatabase } = await import("@/db");
  installAppMetricSources();
  onShutdown("worker", "drain", stopInProcessWorker);
  onShutdown("database", "close", closeDatabase);
  startInProcessWorker();
}

// A page, action or route that throws: one log line with the request's id
// (as on the error page the user sees) and the digest Next shows there.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/logging/request-error");
  logRequestError(error, request, context);
};
