// The two databases of a run, seeded the same way: a fresh PGlite data
// directory (the app opens it itself once this process has closed it) and a
// fresh database on the local PostgreSQL server, dropped at the end.
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { connectPostgres, openPglite, type DatabaseHandle } from "@/db";
import { runMigrations } from "@/db/migrate";
import { countBench, seedBench, type BenchCounts, type BenchSize } from "../../scripts/bench-seed";
import { findBenchTargets, type BenchTargets } from "./targets";

export interface SeededDatabase {
  counts: BenchCounts;
  targets: BenchTargets;
  seedSeconds: number;
}

async function migrateAndSeed(handle: DatabaseHandle, size: BenchSize): Promise<SeededDatabase> {
  const started = performance.now();
  try {
    await runMigrations(handle);
    await seedBench(handle.db, size);
    const seedSeconds = (performance.now() - started) / 1000;
    return { counts: await countBench(handle.db), targets: await findBenchTargets(handle.db), seedSeconds };
  } finally {
    await handle.close();
  }
}

/** Seeds PGlite in `dataDir`/pglite, where the app finds it with JEEVI_DATA_DIR=dataDir. */
export async function seedEmbedded(dataDir: string, size: BenchSize): Promise<SeededDatabase> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  return migrateAndSeed(openPglite(path.join(dataDir, "pglite"), "bench:pages seed"), size);
}

export interface ServerDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database named `name` on the server at `serverUrl`. */
export async function createServerDatabase(serverUrl: string, name: string): Promise<ServerDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name ${name}`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
  };
}

export function seedServer(url: string, size: BenchSize): Promise<SeededDatabase> {
  return migrateAndSeed(connectPostgres(url, 4), size);
}
