import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseUrl, pgliteDir } from "./config";
import { acquireDirectoryLock } from "./lock";
import { countingLogger } from "./query-counter";
import * as schema from "./schema";
import { installStatementTiming } from "./statement-timing";

installStatementTiming();

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;
export type Database = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** Queries take either, so a multi-step write can compose them in one transaction. */
export type DbOrTx = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** The most connections this handle opens at once (the metrics show it). */
  maxConnections: number;
  close(): Promise<void>;
}

const options = { schema, casing: "snake_case", logger: countingLogger } as const;

export function connectPostgres(url: string, max = 10): DatabaseHandle {
  // No JIT: the planner compiles any statement it costs above jit_above_cost,
  // and on the admin report at a million enrolments compiling took 160 ms of a
  // chart's statement and 1.5 s of a CSV batch's 3.2 s, more than it ever won
  // back on statements that run for milliseconds. Sent at connection start-up.
  const client = postgres(url, { max, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzlePostgres({ client, ...options }) as unknown as Database;
  return { db, kind: "postgres", maxConnections: max, close: () => client.end({ timeout: 5 }) };
}

/** Wraps an already opened PGlite (tests restore one from a migrated template). */
export function wrapPglite(client: PGlite, release: () => void = () => {}): DatabaseHandle {
  const db = drizzlePglite({ client, ...options }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    maxConnections: 1,
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Opens the on-disk embedded database, holding its lock for as long as it is open. */
export function openPglite(dir = pgliteDir(), purpose = "server"): DatabaseHandle {
  const release = acquireDirectoryLock(dir, purpose);
  try {
    return wrapPglite(new PGlite(dir), release);
  } catch (error) {
    release();
    throw error;
  }
}

export function openConfiguredDatabase(purpose = "server"): DatabaseHandle {
  const url = databaseUrl();
  return url ? connectPostgres(url) : openPglite(pgliteDir(), purpose);
}

// The bundler may load this module several times per process; one handle must
// serve them all, or PGlite would be opened twice on the same directory.
const globalStore = globalThis as unknown as { __jeeviDatabase?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalStore.__jeeviDatabase ??= openConfiguredDatabase();
  return globalStore.__jeeviDatabase;
}

/** Points every `db` user at the given handle (tests and scripts). */
export function setDatabaseHandle(handle: DatabaseHandle | undefined): void {
  globalStore.__jeeviDatabase = handle;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalStore.__jeeviDatabase;
  globalStore.__jeeviDatabase = undefined;
  await handle?.close();
}

/**
 * The application's database. Opened lazily on first use, so importing it (as
 * `next build` does) never touches the database.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabaseHandle().db;
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export { schema };
