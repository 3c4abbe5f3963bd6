// Runs once when a Next.js server process starts, in the Node.js runtime of a
// running server only: never in the edge runtime and never while `next build`
// prerenders pages (background work would otherwise open the embedded
// database, whose lock the build must not take).
// - The attempt sweep submits quiz attempts left open past their deadline.
// - The worker delivers notifications and runs the other background jobs,
//   unless WORKER=off (a site running `npm run worker` separately).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ getDatabaseHandle }, { startAttemptSweep }, { startInProcessWorker }] = await Promise.all([
    import("@/db"),
    import("@/lib/quizzes/taking/sweep"),
    import("@/lib/worker/in-process"),
  ]);
  startAttemptSweep(() => getDatabaseHandle().db);
  startInProcessWorker();
}
