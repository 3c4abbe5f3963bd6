import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db";
import { jobSchema } from "@/db/job-queue";
import { executorOf } from "@/db/sql-executor";
import { logger } from "@/lib/logging/logger.mjs";

export interface BossOptions {
  /** Run pg-boss's maintenance (expiring stuck runs, archiving) and its cron timekeeper. Off in tests, which drive queues by hand. */
  maintain?: boolean;
}

/**
 * A pg-boss over the site's own database connection (postgres.js pool or the
 * one embedded PGlite), so both databases run the same queue code. Its schema
 * is installed by the migrations (db/job-queue.ts): start() only checks it.
 */
export function createBoss(getHandle: () => DatabaseHandle, { maintain = true }: BossOptions = {}): PgBoss {
  const boss = new PgBoss({
    db: executorOf(() => getHandle().db) as PgBoss.Db,
    schema: jobSchema,
    migrate: false,
    supervise: maintain,
    schedule: maintain,
    // Finished jobs stay a day for the outbox page, failed ones a week.
    archiveCompletedAfterSeconds: 24 * 60 * 60,
    archiveFailedAfterSeconds: 7 * 24 * 60 * 60,
  });
  boss.on("error", (error) => logger().error({ err: error }, "worker: pg-boss error"));
  return boss;
}
