import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectPostgres, wrapPglite, type Database, type DatabaseHandle } from "@/db";
import { DatabaseLockedError, lockFileFor } from "@/db/lock";
import { packArchive, unpackArchive } from "@/lib/backup/archive";
import { backupConfiguredSite } from "@/lib/backup/configured-site";
import { createBackup, type BackupSource } from "@/lib/backup/create-backup";
import { BackupRefusedError } from "@/lib/backup/errors";
import { filesFolder, manifestName, type BackupManifest } from "@/lib/backup/manifest";
import { restoreBackup, type RestoreReport, type RestoreTarget } from "@/lib/backup/restore-backup";
import { buildSchema } from "@/lib/backup/schema-version";
import { assertUploadsEmpty } from "@/lib/backup/target-checks";
import { rowsOf } from "@/lib/db/rows";
import { seedDemoData } from "@/lib/seed/seed";
import { getStorage, type StorageBackend } from "@/lib/storage";
import { LocalBackend } from "@/lib/storage/local-backend";
import { storeFile } from "@/lib/storage/store-file";
import { adminUrl, databaseUrlFor } from "./database-urls";
import { testDb, testDbKind } from "./helpers";

// Backs up the demo site, restores it into a new database and a new uploads
// directory, and compares every table's rows and every file's bytes; then
// shows each refusal leaves the target untouched.

const work = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-backup-test-"));
const archive = path.join(work, "site.tar.gz");
const restoredUploads = path.join(work, "restored-uploads");
const restoredStorage = new LocalBackend(restoredUploads);

const serverUrl = process.env.TEST_DATABASE_URL;
const admin = serverUrl ? postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} }) : undefined;
const createdDatabases: string[] = [];
let counter = 0;

/** A new, empty PostgreSQL database (no migrations), dropped after the file. */
async function emptyPostgres(): Promise<string> {
  const name = `jeevi_test_backup_${process.pid}_${Date.now()}_${counter++}`;
  await admin!.unsafe(`CREATE DATABASE "${name}"`);
  createdDatabases.push(name);
  return databaseUrlFor(serverUrl!, name);
}

/** A new target of the file's database kind: an empty directory or an empty database. */
async function newTarget(): Promise<RestoreTarget> {
  if (testDbKind() === "pglite") return { kind: "pglite", dir: path.join(work, `pglite-${counter++}`) };
  return { kind: "postgres", url: await emptyPostgres() };
}

function openTarget(target: RestoreTarget): DatabaseHandle {
  return target.kind === "pglite" ? wrapPglite(new PGlite(target.dir)) : connectPostgres(target.url, 1);
}

/** Every row of every table (the migrations' journal too), as sorted JSON per table. */
async function everyRow(db: Database): Promise<Record<string, string[]>> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`
      SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE' ORDER BY 1, 2`),
  );
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(
      await db.execute(sql`SELECT row_to_json(t)::text AS row FROM ${sql.identifier(table.schema)}.${sql.identifier(table.name)} t`),
    );
    result[`${table.schema}.${table.name}`] = rows.map((row) => row.row).sort();
  }
  return result;
}

async function bytesOf(storage: StorageBackend, key: string): Promise<Buffer | null> {
  const body = await storage.get(key);
  return body ? Buffer.from(await new Response(body).arrayBuffer()) : null;
}

/** A copy of the archive with its manifest (or a file) changed, packed again. */
async function tamperedArchive(change: (dir: string, manifest: BackupManifest) => void): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, "tamper-"));
  await unpackArchive(archive, dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, manifestName), "utf8")) as BackupManifest;
  change(dir, manifest);
  fs.writeFileSync(path.join(dir, manifestName), JSON.stringify(manifest));
  const out = path.join(work, `tampered-${counter++}.tar.gz`);
  await packArchive(dir, out);
  return out;
}

let source: BackupSource;
let manifest: BackupManifest;
let report: RestoreReport;
const fingerprint = "0123456789abcdef";
let target: RestoreTarget;
let sourceRows: Record<string, string[]>;
let restoredRows: Record<string, string[]>;

/** The demo site, plus a second file beside the seed's PDF so the archive holds more than one. */
async function seedSite(db: Database) {
  await seedDemoData(db);
  await storeFile(db, { content: new TextEncoder().encode("Revision notes\nv = u + at\n"), originalName: "notes.txt", uploadedBy: null });
}

beforeAll(async () => {
  if (testDbKind() === "pglite") {
    await seedSite(testDb());
    source = { kind: "pglite", client: (testDb() as unknown as { $client: PGlite }).$client };
  } else {
    // pg_dump needs an address: a copy of the migrated template, seeded here.
    const url = await emptyPostgres();
    const name = new URL(url).pathname.slice(1);
    await admin!.unsafe(`DROP DATABASE "${name}"`);
    await admin!.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${(inject("testDatabase") as { template: string }).template}"`);
    const handle = connectPostgres(url, 2);
    try {
      await seedSite(handle.db);
    } finally {
      await handle.close();
    }
    source = { kind: "postgres", url };
  }

  manifest = await createBackup({ source, storage: getStorage(), outFile: archive, storageBackend: "local", authSecretFingerprint: fingerprint });
  target = await newTarget();
  report = await restoreBackup({
    archive,
    target,
    storage: restoredStorage,
    assertStorageEmpty: () => assertUploadsEmpty(restoredUploads),
    authSecretFingerprint: fingerprint,
  });

  const sourceHandle = source.kind === "pglite" ? undefined : connectPostgres(source.url, 1);
  sourceRows = await everyRow(sourceHandle?.db ?? testDb());
  await sourceHandle?.close();
  const restored = openTarget(target);
  try {
    restoredRows = await everyRow(restored.db);
  } finally {
    await restored.close();
  }
});

afterAll(async () => {
  for (const name of createdDatabases) await admin!.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin?.end();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("writes a manifest naming the database, the schema and every file with its checksum", () => {
    expect(manifest).toMatchObject({
      format: 1,
      app: { name: "jeevi-academy" },
      database: { kind: testDbKind() },
      schema: buildSchema,
      storage: { backend: "local" },
      authSecretFingerprint: fingerprint,
      fileCount: 2,
      missingFiles: [],
    });
    expect(report).toMatchObject({ upgraded: false, sameAuthSecret: true });
    expect(manifest.database.bytes).toBeGreaterThan(1000);
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(10 * 60_000);
    // The checksums are the ones recorded at upload time.
    const rows = restoredRows["public.stored_files"]!.map((row) => JSON.parse(row) as { storage_key: string; sha256: string; size_bytes: number });
    expect(manifest.files.map((file) => [file.key, file.sha256, file.bytes]).sort()).toEqual(rows.map((row) => [row.storage_key, row.sha256, row.size_bytes]).sort());
  });

  it("restores every table's rows exactly, and adds one audit entry saying so", () => {
    expect(Object.keys(restoredRows)).toEqual(expect.arrayContaining(["public.users", "public.courses", "public.stored_files", "drizzle.__drizzle_migrations"]));
    expect(sourceRows["public.users"]).toHaveLength(15);
    const restoredEntry = (row: string) => (JSON.parse(row) as { action: string }).action === "site.restored";
    const added = restoredRows["public.audit_log"]!.filter(restoredEntry);
    expect(added.map((row) => JSON.parse(row) as object)).toEqual([
      expect.objectContaining({
        actor_id: null,
        entity_type: "site",
        after: { backupCreatedAt: manifest.createdAt, appVersion: manifest.app.version, schema: buildSchema.migration, migratedTo: buildSchema.migration, files: 2 },
      }),
    ]);
    expect({ ...restoredRows, "public.audit_log": restoredRows["public.audit_log"]!.filter((row) => !restoredEntry(row)) }).toEqual(sourceRows);
  });

  it("restores every file's bytes into the new storage", async () => {
    expect(manifest.files).toHaveLength(2);
    for (const file of manifest.files) {
      const original = await bytesOf(getStorage(), file.key);
      expect(original, file.key).not.toBeNull();
      expect(await bytesOf(restoredStorage, file.key), file.key).toEqual(original);
    }
  });

  it("refuses a database that is not empty, and changes nothing in it", async () => {
    const again = restoreBackup({ archive, target, storage: new LocalBackend(path.join(work, "unused-uploads")) });
    await expect(again).rejects.toThrow(BackupRefusedError);
    await expect(again).rejects.toThrow(/not empty/);
    expect(fs.existsSync(path.join(work, "unused-uploads"))).toBe(false);
  });

  it("refuses storage that already holds files, before touching the database", async () => {
    const fresh = await newTarget();
    const attempt = restoreBackup({ archive, target: fresh, storage: restoredStorage, assertStorageEmpty: () => assertUploadsEmpty(restoredUploads) });
    await expect(attempt).rejects.toThrow(/uploads directory .* already holds 2 file/);
    // Without the directory check, the archive's keys found in the bucket refuse it too.
    await expect(restoreBackup({ archive, target: fresh, storage: restoredStorage })).rejects.toThrow(/already holds .*one of the archive's files/);
    if (fresh.kind === "pglite") expect(fs.existsSync(fresh.dir)).toBe(false);
    else {
      const handle = openTarget(fresh);
      const tables = rowsOf(await handle.db.execute(sql`SELECT 1 FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`));
      await handle.close();
      expect(tables).toHaveLength(0);
    }
  });

  it("refuses an archive from a newer schema, a damaged one, one of the other database kind, and a file that is no archive", async () => {
    const fresh = await newTarget();
    const storage = new LocalBackend(path.join(work, "never-written"));
    const newer = await tamperedArchive((_, m) => {
      m.schema = { migration: "9999_future", migratedAt: buildSchema.migratedAt + 1 };
    });
    await expect(restoreBackup({ archive: newer, target: fresh, storage })).rejects.toThrow(/newer schema \(9999_future/);
    const futureFormat = await tamperedArchive((_, m) => {
      (m as { format: number }).format = 2;
    });
    await expect(restoreBackup({ archive: futureFormat, target: fresh, storage })).rejects.toThrow(/format \(2\) is newer than this release/);

    const damaged = await tamperedArchive((dir, m) => {
      fs.appendFileSync(path.join(dir, filesFolder, m.files[0]!.key), "x");
    });
    await expect(restoreBackup({ archive: damaged, target: fresh, storage })).rejects.toThrow(/damaged: file .* does not match its checksum/);

    const otherKind = await tamperedArchive((_, m) => {
      m.database.kind = m.database.kind === "pglite" ? "postgres" : "pglite";
    });
    await expect(restoreBackup({ archive: otherKind, target: fresh, storage })).rejects.toThrow(/restore it (without|with) DATABASE_URL/);

    const notAnArchive = path.join(work, "notes.txt");
    fs.writeFileSync(notAnArchive, "not a backup");
    await expect(restoreBackup({ archive: notAnArchive, target: fresh, storage })).rejects.toThrow(/not a readable backup archive/);

    expect(fs.existsSync(path.join(work, "never-written"))).toBe(false);
    if (fresh.kind === "pglite") expect(fs.existsSync(fresh.dir)).toBe(false);
  });

  it("never overwrites an existing archive", async () => {
    await expect(
      createBackup({ source, storage: getStorage(), outFile: archive, storageBackend: "local", authSecretFingerprint: null }),
    ).rejects.toThrow(/already exists/);
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))("refuses to copy the embedded database while another process holds it", async () => {
    const dir = path.join(work, "held-pglite");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "PG_VERSION"), "18\n");
    // The parent process (the test runner) is alive on this host: the lock is not stale.
    fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid: process.ppid, hostname: os.hostname(), purpose: "server", since: new Date().toISOString() }));
    const previous = process.env.PGLITE_DIR;
    process.env.PGLITE_DIR = dir;
    try {
      await expect(backupConfiguredSite(path.join(work, "held.tar.gz"))).rejects.toThrow(DatabaseLockedError);
    } finally {
      if (previous === undefined) delete process.env.PGLITE_DIR;
      else process.env.PGLITE_DIR = previous;
    }
    expect(fs.existsSync(path.join(work, "held.tar.gz"))).toBe(false);
  });
});
