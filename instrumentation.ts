// Runs once when a Next.js server process starts, in the Node.js runtime of a
// running server only: never in the edge runtime and never while `next build`
// prerenders pages (background work would otherwise open the embedded
// database, whose lock the build must not take).
// The worker delivers notifications, submits overdue quiz attempts and runs
// the other background jobs, unless WORKER=off (a site running
// `npm run worker` separately).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startInProcessWorker } = await import("@/lib/worker/in-process");
  startInProcessWorker();
}
