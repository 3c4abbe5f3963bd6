import type { Database } from "@/db";

// One recurring piece of background work. The worker (inside the web server
// by default, or `npm run worker`) runs each job every `everyMs`, never two
// runs of the same job at once in one process; jobs that can run in several
// processes claim their rows with FOR UPDATE SKIP LOCKED.
export interface WorkerJob {
  name: string;
  everyMs: number;
  /** Does one round of work; returns how many items it handled (for logs and tests). */
  run(db: Database, now: Date): Promise<number>;
}
