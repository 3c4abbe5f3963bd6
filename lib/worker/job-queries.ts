import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { deadLetterOf, jobQueues, jobSchema } from "@/db/job-queue";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";

export interface QueueSummary {
  name: string;
  policy: string;
  /** Waiting to run, including jobs waiting out a retry delay. */
  queued: number;
  /** Of those, the ones retrying after a failure. */
  retrying: number;
  active: number;
  /** Failed their last try (each also has a copy in the dead-letter queue). */
  failed: number;
  /** Copies of failed jobs waiting in the dead-letter queue for an admin's retry. */
  deadLettered: number;
}

export interface ProblemJob {
  id: string;
  /** The queue the job is in: a queue, or a queue's dead-letter queue. */
  queue: string;
  /** The queue it ran in. */
  origin: string;
  state: "retry" | "dead-lettered";
  /** Runs so far (the first one and its retries). */
  tries: number;
  error: string | null;
  /** When it failed (dead-lettered) or when it runs next (retrying). */
  at: Date;
}

const job = sql.raw(`${jobSchema}.job`);
// Our runs fail with { message }; pg-boss's own expiry with { value: { message } }.
const ourQueues = () =>
  sql.join(
    jobQueues.flatMap((queue) => [sql`${queue.name}`, sql`${deadLetterOf(queue.name)}`]),
    sql`, `,
  );
const originOf = (queue: string) => jobQueues.find((q) => queue === q.name || queue === deadLetterOf(q.name))?.name ?? queue;

/** Jobs per queue and state, every queue listed even when empty; admins only, one statement. */
export async function listQueueSummaries(db: DbOrTx, actor: Actor): Promise<QueueSummary[] | null> {
  if (!can(actor, "area.admin")) return null;
  const rows = rowsOf<{ name: string; state: string; n: number | string }>(
    await db.execute(sql`SELECT name, state::text AS state, count(*) AS n FROM ${job} WHERE name IN (${ourQueues()}) GROUP BY name, state`),
  );
  const count = (name: string, ...states: string[]) =>
    rows.filter((row) => row.name === name && states.includes(row.state)).reduce((sum, row) => sum + Number(row.n), 0);
  return jobQueues.map((queue) => ({
    name: queue.name,
    policy: queue.policy,
    queued: count(queue.name, "created", "retry"),
    retrying: count(queue.name, "retry"),
    active: count(queue.name, "active"),
    failed: count(queue.name, "failed"),
    deadLettered: count(deadLetterOf(queue.name), "created", "retry"),
  }));
}

/** Jobs that went wrong: retrying after a failure, or dead-lettered; newest first, with their last error; admins only. */
export async function listProblemJobs(db: DbOrTx, actor: Actor, limit = 50): Promise<ProblemJob[] | null> {
  if (!can(actor, "area.admin")) return null;
  const deadQueues = sql.join(
    jobQueues.map((queue) => sql`${deadLetterOf(queue.name)}`),
    sql`, `,
  );
  const rows = rowsOf<{ id: string; name: string; dead: boolean; tries: number | string; error: string | null; at: string | Date }>(
    await db.execute(sql`
      SELECT id::text AS id, name, name IN (${deadQueues}) AS dead,
        CASE WHEN name IN (${deadQueues}) THEN retry_limit + 1 ELSE retry_count + 1 END AS tries,
        left(coalesce(output->>'message', output #>> '{value,message}'), 1000) AS error,
        CASE WHEN name IN (${deadQueues}) THEN created_on ELSE start_after END AS at
      FROM ${job}
      WHERE name IN (${ourQueues()})
        AND ((name IN (${deadQueues}) AND state IN ('created', 'retry')) OR state = 'retry')
      ORDER BY at DESC, id
      LIMIT ${limit}`),
  );
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    origin: originOf(row.name),
    state: row.dead ? "dead-lettered" : "retry",
    tries: Number(row.tries),
    error: row.error,
    at: new Date(row.at),
  }));
}
