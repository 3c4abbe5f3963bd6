import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import type { StorageBackend } from "@/lib/storage";
import journal from "@/drizzle/meta/_journal.json";
import { deadLetterOf, jobQueues, jobSchema, jobSchemaVersion } from "@/db/job-queue";

export interface CheckResult {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ok: boolean;
  checks: { database: CheckResult; migrations: CheckResult; storage: CheckResult };
}

/** The newest migration this build ships: the migrator records its `when` as created_at. */
const expectedMigration = journal.entries.at(-1)!;

// Each check answers in a sentence an operator can act on; none throws, so one
// failing dependency never hides the state of the others.
async function checkDatabase(db: Database): Promise<CheckResult> {
  try {
    await db.execute(sql`SELECT 1`);
    return { ok: true, detail: "reachable" };
  } catch (error) {
    return { ok: false, detail: `unreachable: ${(error as Error).message.slice(0, 200)}` };
  }
}

async function checkMigrations(db: Database): Promise<CheckResult> {
  try {
    const result = await db.execute(sql`SELECT max(created_at) AS applied FROM drizzle.__drizzle_migrations`);
    const applied = Number(rowsOf<{ applied: string | number | null }>(result)[0]?.applied ?? 0);
    if (applied === expectedMigration.when) return await checkJobQueue(db);
    if (applied > expectedMigration.when) {
      return { ok: false, detail: `the database has migrations newer than this build (${expectedMigration.tag})` };
    }
    return { ok: false, detail: `pending: this build expects ${expectedMigration.tag}; run npm run db:migrate` };
  } catch {
    return { ok: false, detail: "no migrations have been applied; run npm run db:migrate" };
  }
}

const expectedQueues = jobQueues.flatMap((queue) => [queue.name, deadLetterOf(queue.name)]);

/** The job queue's schema (pg-boss) and queues are installed by the same migrations step. */
async function checkJobQueue(db: Database): Promise<CheckResult> {
  const current = `current (${expectedMigration.tag}, job queue schema ${jobSchemaVersion})`;
  try {
    const [row] = rowsOf<{ version: number | string | null; queues: number | string }>(
      await db.execute(sql`
        SELECT (SELECT max(version) FROM ${sql.identifier(jobSchema)}.version) AS version,
          (SELECT count(*) FROM ${sql.identifier(jobSchema)}.queue WHERE name IN (${sql.join(
            expectedQueues.map((name) => sql`${name}`),
            sql`, `,
          )})) AS queues`),
    );
    if (Number(row?.version) !== jobSchemaVersion) {
      return { ok: false, detail: `pending: the job queue's schema is not version ${jobSchemaVersion}; run npm run db:migrate` };
    }
    if (Number(row?.queues) !== expectedQueues.length) return { ok: false, detail: "pending: job queues are missing; run npm run db:migrate" };
    return { ok: true, detail: current };
  } catch {
    return { ok: false, detail: "pending: the job queue (pg-boss) is not installed; run npm run db:migrate" };
  }
}

async function checkStorage(storage: StorageBackend): Promise<CheckResult> {
  const key = `${randomUUID()}.txt`;
  try {
    await storage.put(key, new TextEncoder().encode("readiness probe"), "text/plain");
    await storage.delete(key);
    return { ok: true, detail: "writable" };
  } catch (error) {
    return { ok: false, detail: `not writable: ${(error as Error).message.slice(0, 200)}` };
  }
}

/** What /readyz reports: the database answers, its schema is this build's, uploads can be stored. */
export async function checkReadiness(db: Database, storage: StorageBackend): Promise<Readiness> {
  const [database, migrations, storageCheck] = await Promise.all([
    checkDatabase(db),
    checkMigrations(db),
    checkStorage(storage),
  ]);
  return {
    ok: database.ok && migrations.ok && storageCheck.ok,
    checks: { database, migrations, storage: storageCheck },
  };
}
