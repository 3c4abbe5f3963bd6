// Runs once when a Next.js server process starts. The attempt sweep submits
// quiz attempts left open past their deadline, every minute, in the Node.js
// runtime of a running server only: never in the edge runtime and never while
// `next build` prerenders pages (the sweep would otherwise open the embedded
// database, whose lock the build must not take).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ getDatabaseHandle }, { startAttemptSweep }] = await Promise.all([
    import("@/db"),
    import("@/lib/quizzes/taking/sweep"),
  ]);
  startAttemptSweep(() => getDatabaseHandle().db);
}
