import PgBoss from "pg-boss";
import bossVersion from "pg-boss/version.json";

// pg-boss keeps its jobs in a schema of its own. It is installed (and upgraded
// when a new pg-boss brings a newer schema) by the migrations step, not by the
// worker at start: the web server can then queue a job in its own transaction
// before any worker has run, and /readyz can tell when it is missing.

/** pg-boss's schema in our database. */
export const jobSchema = "pgboss";

/** The schema version this pg-boss build expects (its version.json). */
export const jobSchemaVersion: number = bossVersion.schema;

/** The one way every statement reaches the database, for pg-boss and for us. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export type QueuePolicy = "standard" | "short" | "singleton" | "stately";

export interface QueueDefinition {
  name: string;
  /**
   * `stately` (the periodic jobs, sent by the cron schedule only): at most one
   * job waiting and one running across every process, so a run never overlaps
   * the previous one and late ticks collapse into one. `standard` (woken from
   * inside our transactions): no uniqueness on insert, so a transaction that
   * queues a job never waits on another one that did; the worker takes the
   * waiting jobs of such a queue as one batch and runs the work once for all of
   * them, and that work claims its rows with SKIP LOCKED, so runs side by side
   * are safe.
   */
  policy: QueuePolicy;
  /** Retries after the first failure, waiting retryDelaySeconds × 2^n (with jitter) before each. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A run still going after this long counts as failed (and is retried). */
  expireInSeconds: number;
}

/** The dead-letter queue of a queue: a job that failed its last retry is copied there, with its error. */
export const deadLetterOf = (name: string) => `${name}.dead`;

const periodic = { policy: "stately", retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 15 * 60 } as const;

/** Every queue the site uses; the worker gives each a handler (lib/worker/queues.ts). */
export const jobQueues: QueueDefinition[] = [
  { name: "notification-events", policy: "standard", retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 15 * 60 },
  { name: "email.send", policy: "standard", retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 10 * 60 },
  { name: "email.digest", ...periodic, retryDelaySeconds: 60 },
  { name: "due-soon-reminders", ...periodic },
  { name: "quiz-attempt-sweep", ...periodic },
  { name: "api-housekeeping", ...periodic },
  { name: "session-housekeeping", ...periodic },
  // Progress of courses that count released items only: time alone moves it.
  { name: "progress-refresh", ...periodic },
  // Course copies and imports: a big course's files take minutes, so a run may last long before it counts as stuck.
  { name: "course-transfers", policy: "standard", retryLimit: 2, retryDelaySeconds: 30, expireInSeconds: 4 * 60 * 60 },
];

/**
 * Installs pg-boss's schema, or brings it to this build's version, then
 * creates every queue and its dead-letter queue (both idempotent), so that a
 * second run changes nothing.
 */
export async function installJobQueue(executor: SqlExecutor): Promise<void> {
  const { rows } = await executor.executeSql(`SELECT to_regclass('${jobSchema}.version') AS name`);
  if (!rows[0]?.name) {
    await executor.executeSql(PgBoss.getConstructionPlans(jobSchema));
  } else {
    const version = Number((await executor.executeSql(`SELECT version FROM ${jobSchema}.version`)).rows[0]?.version ?? 0);
    if (version < jobSchemaVersion) await executor.executeSql(PgBoss.getMigrationPlans(jobSchema, String(version)));
  }
  const boss = new PgBoss({ db: executor as PgBoss.Db, schema: jobSchema });
  for (const queue of jobQueues) {
    const deadLetter = deadLetterOf(queue.name);
    await boss.createQueue(deadLetter, { name: deadLetter, policy: "standard", retentionMinutes: 14 * 24 * 60 });
    const options = {
      name: queue.name,
      policy: queue.policy,
      retryLimit: queue.retryLimit,
      retryDelay: queue.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: queue.expireInSeconds,
      deadLetter,
    };
    await boss.createQueue(queue.name, options);
    // A queue created by an older build gets this build's settings.
    await boss.updateQueue(queue.name, options);
  }
}
