import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import type { WorkerJob } from "./job";

/** Batch queues take every waiting job at once: one run does the work all of them asked for. */
export const batchSize = 50;

/** One run of a job's work for a batch of its queue's jobs, with a log line when it did something. */
export async function runBatch(job: WorkerJob, db: Database, jobs: { id: string }[], now = new Date()): Promise<number> {
  const handled = await job.run(db, now);
  if (handled > 0) console.info(`[worker] ${job.name}: ${handled} handled (${jobs.length} job${jobs.length === 1 ? "" : "s"})`);
  return handled;
}

/**
 * Takes the queue's waiting jobs once, runs the work, and completes them, or
 * fails them with the error (pg-boss then retries with backoff, or moves the
 * last failure to the dead-letter queue): what a pg-boss worker does on one
 * poll, without waiting for the poll. Tests and scripts use it to run a queue
 * now; `ignoreStartAfter` also takes jobs still waiting out a retry delay.
 * Returns how many jobs it took (0: nothing was waiting, or the queue's
 * policy holds them while another run is active).
 */
export async function runQueueOnce(
  boss: PgBoss,
  job: WorkerJob,
  db: Database,
  { now = new Date(), ignoreStartAfter = false }: { now?: Date; ignoreStartAfter?: boolean } = {},
): Promise<number> {
  const jobs = await boss.fetch(job.name, { batchSize, ignoreStartAfter } as PgBoss.FetchOptions);
  if (!jobs || jobs.length === 0) return 0;
  const ids = jobs.map((j) => j.id);
  try {
    await runBatch(job, db, jobs, now);
    await boss.complete(job.name, ids);
  } catch (error) {
    // pg-boss takes several ids with an output at run time; its types know only one.
    const fail = boss.fail.bind(boss) as unknown as (name: string, ids: string[], output: object) => Promise<unknown>;
    await fail(job.name, ids, errorOutput(error));
  }
  return jobs.length;
}

/** What a failed job keeps as its output: the message the outbox page shows, never a stack of secrets. */
export function errorOutput(error: unknown): { message: string } {
  return { message: (error instanceof Error ? error.message : String(error)).slice(0, 1000) };
}
