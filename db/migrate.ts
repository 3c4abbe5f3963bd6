import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseHandle } from "./index";
import { installJobQueue } from "./job-queue";
import { executorOf } from "./sql-executor";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Applies the committed migrations in drizzle/ that this database has not seen
 * yet, then installs or upgrades the job queue's schema (pg-boss) and its queues.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
  await installJobQueue(executorOf(handle.db));
}
