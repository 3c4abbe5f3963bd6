import PgBoss from "pg-boss";
import type { DbOrTx } from "@/db";
import { jobSchema, type SqlExecutor } from "@/db/job-queue";
import { executorOf } from "@/db/sql-executor";

const unused: SqlExecutor = {
  executeSql: () => Promise.reject(new Error("the job sender only writes through the caller's transaction")),
};

// Builds pg-boss's insert for us; it never connects on its own.
const sender = new PgBoss({ db: unused as PgBoss.Db, schema: jobSchema, migrate: false, schedule: false, supervise: false });

/**
 * Queues one run of a queue's work in the caller's transaction: the job exists
 * exactly when the change that made the work commits (a rolled-back event
 * wakes nobody). The work itself looks for what is pending, so the job
 * carries no data, and several jobs waiting are run once as a batch.
 */
export async function enqueueJob(tx: DbOrTx, queue: string): Promise<void> {
  await sender.send(queue, {}, { db: executorOf(tx) } as PgBoss.SendOptions);
}
