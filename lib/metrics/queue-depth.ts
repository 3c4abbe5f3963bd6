import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import type { QueueDepthRow } from "./registry.mjs";

// The queue-depth gauge asks its sources at each scrape: pg-boss's job table
// (jobs waiting, retrying, running or failed, per queue) and the outboxes the
// jobs work through (domain events not yet turned into notifications, email
// deliveries per state), which say how much work is behind the jobs.

export interface QueueDepthSource {
  /** Names the source in docs and logs. */
  name: string;
  read(db: DbOrTx): Promise<QueueDepthRow[]>;
}

const countsOf = (result: unknown) =>
  rowsOf<{ queue: string; state: string; count: string | number }>(result).map((row) => ({
    queue: row.queue,
    state: row.state,
    count: Number(row.count),
  }));

/**
 * The outboxes: domain events waiting for the notification job, and email
 * deliveries waiting to be sent (pending), kept for a digest (digest) or given
 * up on (failed). Every queue and state is reported, at 0 when empty, so a
 * dashboard's series never disappear.
 */
export const outboxQueueDepth: QueueDepthSource = {
  name: "outbox",
  async read(db) {
    const result = await db.execute(sql`
      SELECT 'notification-events' AS queue, 'pending' AS state,
             (SELECT count(*) FROM domain_events WHERE processed_at IS NULL) AS count
      UNION ALL
      SELECT 'email', state, (SELECT count(*) FROM email_deliveries WHERE status = state)
      FROM (VALUES ('pending'), ('digest'), ('failed')) AS states(state)`);
    return countsOf(result);
  },
};

/** pg-boss: jobs that are not finished yet, or that failed, per queue (pgboss.job). */
export const pgBossQueueDepth: QueueDepthSource = {
  name: "pg-boss",
  async read(db) {
    const result = await db.execute(sql`
      SELECT name AS queue, state::text AS state, count(*) AS count
      FROM pgboss.job
      WHERE state::text IN ('created', 'retry', 'active', 'failed')
      GROUP BY name, state`);
    return countsOf(result);
  },
};

/** Both sources; pg-boss's only where its schema is installed (the migrations install it; a half-migrated database may not have it yet). */
export async function readQueueDepth(db: DbOrTx): Promise<QueueDepthRow[]> {
  const [row] = rowsOf<{ job: string | null }>(await db.execute(sql`SELECT to_regclass('pgboss.job')::text AS job`));
  const outbox = await outboxQueueDepth.read(db);
  return row?.job ? [...(await pgBossQueueDepth.read(db)), ...outbox] : outbox;
}
