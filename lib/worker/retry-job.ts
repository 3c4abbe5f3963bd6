import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { deadLetterOf, jobQueues, jobSchema } from "@/db/job-queue";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { rowsOf } from "@/lib/db/rows";
import { enqueueJob } from "./enqueue";

const job = sql.raw(`${jobSchema}.job`);

/** The queue whose dead-letter queue this is, or null for any other name. */
export const queueOfDeadLetter = (name: string) => jobQueues.find((queue) => deadLetterOf(queue.name) === name)?.name ?? null;

export type RetryOutcome = { retried: true; queue: string } | { retried: false };

/**
 * An admin's Retry of a dead-lettered job, in the caller's transaction: the
 * copy leaves the dead-letter queue, and the failed job it was made from runs
 * again with one more try (pg-boss's own retry: back to `retry`, at once).
 * When that original is gone (archived after a week), a fresh job is queued
 * instead; the work looks for what is pending, so it is the same run.
 * Audited with the job and its last error. A job already retried (or not
 * dead-lettered) changes nothing.
 */
export async function retryDeadLetter(tx: DbOrTx, actor: Actor, input: { queue: string; id: string }, ip: string | null): Promise<RetryOutcome> {
  const origin = queueOfDeadLetter(input.queue);
  if (!origin) return { retried: false };
  const [dead] = rowsOf<{ created_on: string; error: string | null }>(
    await tx.execute(sql`
      DELETE FROM ${job} WHERE name = ${input.queue} AND id = ${input.id}::uuid AND state IN ('created', 'retry')
      RETURNING created_on::text AS created_on, left(coalesce(output->>'message', output #>> '{value,message}'), 1000) AS error`),
  );
  if (!dead) return { retried: false };
  // pg-boss writes the failed job and its copy in one statement: the same now() is its completed_on and the copy's created_on.
  const original = rowsOf<{ id: string }>(
    await tx.execute(sql`
      UPDATE ${job} SET state = 'retry', retry_limit = retry_limit + 1, start_after = now()
      WHERE id = (
        SELECT id FROM ${job} WHERE name = ${origin} AND state = 'failed' AND completed_on = ${dead.created_on}::timestamptz
        ORDER BY id LIMIT 1
      ) AND name = ${origin}
      RETURNING id::text AS id`),
  )[0];
  if (!original) await enqueueJob(tx, origin);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "job.retried",
    entityType: "job",
    entityId: input.id,
    before: { queue: input.queue, state: "dead-lettered", error: dead.error },
    after: { queue: origin, state: original ? "retry" : "created", job: original?.id ?? null },
    ip,
  });
  return { retried: true, queue: origin };
}
