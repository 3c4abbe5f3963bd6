import type { Database } from "@/db";

// One kind of background work, run by pg-boss from its queue (named like the
// job; its policy, retries and dead-letter queue are in db/job-queue.ts). The
// worker (inside the web server on the embedded database, or `npm run worker`)
// takes the queue's jobs, started by the cron schedule or queued by the code
// that made work (an event published, an email queued).
export interface WorkerJob {
  /** The queue's name. */
  name: string;
  /** When pg-boss's timekeeper queues a run (UTC, five-field cron); the safety net for wake-ups. */
  cron: string;
  /**
   * Does one round of work; returns how many items it handled (for logs and
   * tests). Must be idempotent: a run repeated after a crash or a retry does
   * nothing the first one already did.
   */
  run(db: Database, now: Date): Promise<number>;
}
