import journal from "@/drizzle/meta/_journal.json";
import { BackupRefusedError } from "./errors";

export interface SchemaVersion {
  migration: string;
  migratedAt: number;
}

/** The newest migration this build ships. */
export const buildSchema: SchemaVersion = {
  migration: journal.entries.at(-1)!.tag,
  migratedAt: journal.entries.at(-1)!.when,
};

/** Runs one statement and answers its rows (postgres.js and PGlite differ). */
export type RunQuery = <T>(text: string) => Promise<T[]>;

/** The newest migration applied to a database; refuses one that was never migrated. */
export async function appliedSchema(query: RunQuery): Promise<SchemaVersion> {
  let applied: number;
  try {
    const [row] = await query<{ applied: string | number | null }>("SELECT max(created_at) AS applied FROM drizzle.__drizzle_migrations");
    applied = Number(row?.applied ?? 0);
  } catch {
    applied = 0;
  }
  if (!applied) throw new BackupRefusedError("This database has no migrations applied, so there is no site to back up.");
  const entry = journal.entries.find((candidate) => candidate.when === applied);
  return { migration: entry?.tag ?? `newer than this build (${applied})`, migratedAt: applied };
}
