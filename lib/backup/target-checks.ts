import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { StorageBackend } from "@/lib/storage";
import { BackupRefusedError } from "./errors";

// A restore writes only into an empty site: it never merges into, or
// overwrites, data someone may still need.

/** Refuses a PostgreSQL database that holds any table, view or sequence outside the system schemas. */
export async function assertPostgresEmpty(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string }[]>`
      SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY 1 LIMIT 3`;
    if (rows.length > 0) {
      throw new BackupRefusedError(
        `The target database is not empty (it holds ${rows.map((row) => row.name).join(", ")}…). ` +
          "Restore into a new database (createdb) or drop this one's contents first.",
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Refuses an embedded-database directory that already holds anything. */
export function assertDirectoryEmpty(dir: string, what: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupRefusedError(`The ${what} ${dir} is not empty. Restore into a new, empty place, or move it away first.`);
  }
}

/** Refuses a local uploads directory holding any file (empty fan-out folders are fine). */
export function assertUploadsEmpty(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((entry) => fs.statSync(path.join(dir, entry)).isFile());
  if (files.length > 0) {
    throw new BackupRefusedError(`The uploads directory ${dir} already holds ${files.length} file(s). Restore into empty storage.`);
  }
}

/** Refuses storage (local or a bucket) that already holds any of the archive's files. */
export async function assertKeysAbsent(storage: StorageBackend, keys: string[]): Promise<void> {
  for (const key of keys) {
    if (await storage.exists(key)) {
      throw new BackupRefusedError(`The target storage already holds ${key}, one of the archive's files. Restore into empty storage.`);
    }
  }
}
