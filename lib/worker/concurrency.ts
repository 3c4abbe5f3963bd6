import { jobQueues } from "@/db/job-queue";

/**
 * JOB_CONCURRENCY: how many runs of a queue one worker process does at once,
 * as `queue=n` pairs separated by commas (`email.send=4,notification-events=2`);
 * every queue not named runs one at a time. Only the batch queues
 * (notification-events, email.send) gain from more: a periodic queue's policy
 * keeps it to one run across all processes however many are asked for.
 */
export function jobConcurrency(env: Record<string, string | undefined> = process.env): Map<string, number> {
  const result = new Map(jobQueues.map((queue) => [queue.name, 1]));
  const raw = env.JOB_CONCURRENCY?.trim();
  if (!raw) return result;
  for (const pair of raw.split(",")) {
    const [name, count, ...rest] = pair.split("=").map((part) => part.trim());
    const n = Number(count);
    if (!name || !result.has(name) || rest.length > 0 || !Number.isInteger(n) || n < 1 || n > 50) {
      throw new Error(
        `JOB_CONCURRENCY: "${pair.trim()}" is not queue=n with a known queue and 1 ≤ n ≤ 50 (queues: ${[...result.keys()].join(", ")})`,
      );
    }
    result.set(name, n);
  }
  return result;
}
