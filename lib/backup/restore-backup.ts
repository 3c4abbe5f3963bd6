import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { connectPostgres, wrapPglite, type DatabaseHandle } from "@/db";
import { acquireDirectoryLock } from "@/db/lock";
import { runMigrations } from "@/db/migrate";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StorageBackend } from "@/lib/storage";
import { unpackArchive } from "./archive";
import { fileChecksum } from "./checksum";
import { BackupRefusedError } from "./errors";
import { backupFormat, databaseEntry, filesFolder, manifestName, manifestSchema, type BackupManifest } from "./manifest";
import { pgRestore } from "./postgres-tools";
import { buildSchema } from "./schema-version";
import { assertDirectoryEmpty, assertKeysAbsent, assertPostgresEmpty } from "./target-checks";

/** Where the database goes: an embedded database's (new) directory, or an empty PostgreSQL database. */
export type RestoreTarget = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };

export interface RestoreOptions {
  archive: string;
  target: RestoreTarget;
  storage: StorageBackend;
  /** Extra emptiness checks of the storage (the local uploads directory). */
  assertStorageEmpty?: () => void;
  /** The restoring site's AUTH_SECRET fingerprint, compared with the archive's. */
  authSecretFingerprint?: string | null;
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** Migrations this build applied on top of the archive's schema. */
  upgraded: boolean;
  /** Whether this site's AUTH_SECRET is the backed-up site's; null when either is unknown. */
  sameAuthSecret: boolean | null;
}

function readManifest(dir: string): BackupManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dir, manifestName), "utf8"));
  } catch {
    throw new BackupRefusedError("This is not a Jeevi Academy backup: it has no readable manifest.json.");
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === "number" && format > backupFormat) {
    throw new BackupRefusedError(`This backup's format (${format}) is newer than this release understands; restore it with a newer release.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupRefusedError("This backup's manifest.json is damaged or not a Jeevi Academy manifest.");
  return parsed.data;
}

async function assertChecksum(file: string, expected: { sha256: string; bytes: number }, what: string) {
  const actual = fs.existsSync(file) ? await fileChecksum(file) : null;
  if (!actual || actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) {
    throw new BackupRefusedError(`The archive is damaged: ${what} does not match its checksum. Nothing was restored.`);
  }
}

/** Every check that can refuse, before anything is written. */
async function checkArchive(dir: string, manifest: BackupManifest, target: RestoreTarget) {
  if (manifest.schema.migratedAt > buildSchema.migratedAt) {
    throw new BackupRefusedError(
      `This backup comes from a newer schema (${manifest.schema.migration}, app ${manifest.app.version}) than this build's ` +
        `(${buildSchema.migration}). Install the release it was made with, or a newer one, and restore there.`,
    );
  }
  if (manifest.database.kind !== target.kind) {
    const how = manifest.database.kind === "pglite" ? "without DATABASE_URL (the embedded database)" : "with DATABASE_URL set to an empty PostgreSQL database";
    throw new BackupRefusedError(`This backup holds a ${manifest.database.kind} database; restore it ${how}.`);
  }
  await assertChecksum(path.join(dir, databaseEntry[manifest.database.kind]), manifest.database, "the database dump");
  for (const file of manifest.files) await assertChecksum(path.join(dir, filesFolder, file.key), file, `file ${file.key}`);
}

async function restoreDatabase(dir: string, target: RestoreTarget): Promise<DatabaseHandle> {
  const dump = path.join(dir, databaseEntry[target.kind]);
  if (target.kind === "postgres") {
    await pgRestore(target.url, dump);
    return connectPostgres(target.url, 1);
  }
  const release = acquireDirectoryLock(target.dir, "restore");
  try {
    const client = new PGlite(target.dir, { loadDataDir: new Blob([fs.readFileSync(dump)]) });
    await client.waitReady;
    return wrapPglite(client, release);
  } catch (error) {
    // The directory was empty before (checked): leave it so, for another try.
    fs.rmSync(target.dir, { recursive: true, force: true });
    release();
    throw error;
  }
}

/**
 * Brings a site back from an archive into an empty database and storage:
 * checks everything first, then restores the database, applies any newer
 * migrations of this build, and puts the files back.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  if (!fs.existsSync(options.archive)) throw new BackupRefusedError(`${options.archive} does not exist.`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-restore-"));
  try {
    try {
      const refused = await unpackArchive(options.archive, staging);
      if (refused.length > 0) throw new BackupRefusedError(`This is not a Jeevi Academy backup: it holds unexpected entries (${refused.slice(0, 3).join(", ")}).`);
    } catch (error) {
      if (error instanceof BackupRefusedError) throw error;
      throw new BackupRefusedError(`${options.archive} is not a readable backup archive (${(error as Error).message}).`);
    }
    const manifest = readManifest(staging);
    await checkArchive(staging, manifest, options.target);

    if (options.target.kind === "postgres") await assertPostgresEmpty(options.target.url);
    else assertDirectoryEmpty(options.target.dir, "embedded database directory");
    options.assertStorageEmpty?.();
    await assertKeysAbsent(options.storage, manifest.files.map((file) => file.key));

    const handle = await restoreDatabase(staging, options.target);
    try {
      await runMigrations(handle);
      // The restored site's audit log says when it was brought back, and from what.
      await recordAudit(handle.db, {
        actorId: null,
        action: "site.restored",
        entityType: "site",
        after: {
          backupCreatedAt: manifest.createdAt,
          appVersion: manifest.app.version,
          schema: manifest.schema.migration,
          migratedTo: buildSchema.migration,
          files: manifest.fileCount,
        },
      });
    } finally {
      await handle.close();
    }
    for (const file of manifest.files) {
      await options.storage.put(file.key, fs.createReadStream(path.join(staging, filesFolder, file.key)), file.contentType);
    }
    const theirs = manifest.authSecretFingerprint;
    const ours = options.authSecretFingerprint ?? null;
    return {
      manifest,
      upgraded: manifest.schema.migratedAt < buildSchema.migratedAt,
      sameAuthSecret: theirs === null || ours === null ? null : theirs === ours,
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
