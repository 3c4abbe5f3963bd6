import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import type { QueueDepthRow } from "./registry.mjs";

// The queue-depth gauge asks a source at each scrape. Each source reads the
// job tables of one way of running background work; `queueDepthSource` picks
// the one the database has, so the gauge follows a switch of runner (the
// home-made outbox today, pg-boss's job table once it is installed) without
// a change here.

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
 * Today's runner (lib/worker): domain events waiting for the notification
 * job, and email deliveries waiting to be sent (pending), kept for a digest
 * (digest) or given up on (failed). Every queue and state is reported, at 0
 * when empty, so a dashboard's series never disappear.
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

/** pg-boss's table when the database has it, the outbox otherwise. */
export async function queueDepthSource(db: DbOrTx): Promise<QueueDepthSource> {
  const [row] = rowsOf<{ job: string | null }>(await db.execute(sql`SELECT to_regclass('pgboss.job')::text AS job`));
  return row?.job ? pgBossQueueDepth : outboxQueueDepth;
}

export async function readQueueDepth(db: DbOrTx): Promise<QueueDepthRow[]> {
  return (await queueDepthSource(db)).read(db);
}
