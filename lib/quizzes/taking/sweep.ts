import type { DbOrTx } from "@/db";
import { closeExpiredAttempts } from "./close-expired-attempts";

export const sweepIntervalMs = 60_000;

const sweepState = globalThis as unknown as { __jeeviAttemptSweep?: ReturnType<typeof setInterval> };

/**
 * Runs closeExpiredAttempts every minute, once per process whatever the
 * number of module copies (the timer lives on globalThis). A failed run is
 * logged and the next one tries again. The database is asked for lazily, at
 * the first tick, never when the sweep is set up.
 */
export function startAttemptSweep(getDb: () => DbOrTx, intervalMs = sweepIntervalMs): boolean {
  if (sweepState.__jeeviAttemptSweep) return false;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const closed = await closeExpiredAttempts(getDb());
      if (closed.length > 0) console.info(`[attempt sweep] submitted ${closed.length} attempt(s) past their deadline`);
    } catch (error) {
      console.error("[attempt sweep] failed", error);
    } finally {
      running = false;
    }
  }, intervalMs);
  // Never keeps a process alive on its own (scripts, tests).
  timer.unref?.();
  sweepState.__jeeviAttemptSweep = timer;
  return true;
}

export function stopAttemptSweep(): void {
  if (sweepState.__jeeviAttemptSweep) clearInterval(sweepState.__jeeviAttemptSweep);
  sweepState.__jeeviAttemptSweep = undefined;
}
