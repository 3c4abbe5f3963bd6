import { performance } from "node:perf_hooks";
import type PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db";
import { jobQueues } from "@/db/job-queue";
import { logger } from "@/lib/logging/logger.mjs";
import { appMetrics } from "@/lib/metrics/registry.mjs";
import { createBoss } from "./boss";
import { jobConcurrency } from "./concurrency";
import type { WorkerJob } from "./job";
import { workerJobs } from "./jobs";
import { batchSize, errorOutput, runBatch } from "./run-job";

export interface RunningWorker {
  boss: PgBoss;
  /**
   * Stops taking jobs and waits (up to `timeoutMs`) for the runs in progress
   * to finish; a run still going then is failed back to its queue, where it
   * is retried like any failure.
   */
  stop(timeoutMs?: number): Promise<void>;
}

/** How often an idle worker looks for a woken job (the batch queues), or for a cron tick (the periodic ones). */
const pollSeconds = { batch: 1, periodic: 15 };

/**
 * Starts pg-boss on the site's database: the cron schedule of every job, and
 * JOB_CONCURRENCY workers per queue. A handler that throws fails its jobs,
 * which pg-boss retries with exponential backoff and finally moves to the
 * queue's dead-letter queue (db/job-queue.ts). Every run is one log line (at
 * debug when it found nothing to do, so an idle site's log stays quiet at the
 * default level) and is counted in the metrics.
 */
export async function startWorker(getHandle: () => DatabaseHandle, jobs: WorkerJob[] = workerJobs): Promise<RunningWorker> {
  const concurrency = jobConcurrency();
  const boss = createBoss(getHandle);
  await boss.start();
  for (const job of jobs) {
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    const batch = jobQueues.find((queue) => queue.name === job.name)?.policy === "standard";
    const options = { batchSize: batch ? batchSize : 1, pollingIntervalSeconds: batch ? pollSeconds.batch : pollSeconds.periodic };
    for (let i = 0; i < (concurrency.get(job.name) ?? 1); i++) {
      await boss.work(job.name, options, async (taken) => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        const durationMs = () => Math.round(seconds() * 10_000) / 10;
        try {
          const handled = await runBatch(job, getHandle().db, taken);
          appMetrics().jobRan(job.name, seconds(), false);
          logger()[handled > 0 ? "info" : "debug"]({ job: job.name, jobs: taken.length, handled, durationMs: durationMs() }, "job run");
        } catch (error) {
          appMetrics().jobRan(job.name, seconds(), true);
          logger().error({ job: job.name, jobs: taken.length, durationMs: durationMs(), error: errorOutput(error).message }, "job run failed; pg-boss retries it");
          // pg-boss stores what is thrown as the job's output: keep it to the message.
          throw Object.assign(new Error(errorOutput(error).message), { stack: undefined });
        }
      });
    }
  }
  return {
    boss,
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}
