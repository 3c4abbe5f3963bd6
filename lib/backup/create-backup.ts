import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { StorageBackend } from "@/lib/storage";
import packageJson from "@/package.json";
import { packArchive } from "./archive";
import { fileChecksum } from "./checksum";
import { BackupRefusedError } from "./errors";
import { backupFormat, databaseEntry, filesFolder, manifestName, type BackupManifest } from "./manifest";
import { appliedSchema, type RunQuery, type SchemaVersion } from "./schema-version";
import { pgDump } from "./postgres-tools";

/**
 * The database to back up. An embedded one must be open in this process only
 * (the caller holds its directory lock): PGlite has no inter-process locking,
 * so a copy taken while a server writes would not be consistent.
 */
export type BackupSource = { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string };

export interface BackupOptions {
  source: BackupSource;
  storage: StorageBackend;
  /** Where the archive goes; an existing file is never overwritten. */
  outFile: string;
  /** STORAGE_BACKEND's value, recorded in the manifest. */
  storageBackend: string;
  /** The site's AUTH_SECRET fingerprint (secret-fingerprint.ts), recorded in the manifest. */
  authSecretFingerprint: string | null;
}

interface StoredFileRow {
  storage_key: string;
  mime_type: string;
}

interface DatabaseSnapshot {
  schema: SchemaVersion;
  files: StoredFileRow[];
  serverVersion: string;
}

const filesQuery = "SELECT storage_key, mime_type FROM stored_files ORDER BY storage_key";

async function snapshotPglite(client: PGlite, outFile: string): Promise<DatabaseSnapshot> {
  const query: RunQuery = async <T>(text: string) => (await client.query<T>(text)).rows;
  const schema = await appliedSchema(query);
  const files = await query<StoredFileRow>(filesQuery);
  const [version] = await query<{ server_version: string }>("SHOW server_version");
  // Nothing else writes to this database (the caller holds it alone), so the
  // rows just read and the data directory dumped next are the same state.
  const dump = await client.dumpDataDir("gzip");
  await pipeline(Readable.fromWeb(dump.stream() as import("node:stream/web").ReadableStream), fs.createWriteStream(outFile, { flags: "wx" }));
  return { schema, files, serverVersion: `PGlite (PostgreSQL ${version?.server_version ?? "unknown"})` };
}

async function snapshotPostgres(url: string, outFile: string): Promise<DatabaseSnapshot> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // The transaction exports its snapshot to pg_dump and stays open until the
    // dump ends, so the dump and the file list below see the same moment, while
    // the site keeps serving and writing.
    return await sql.begin("isolation level repeatable read read only", async (tx) => {
      const [{ snapshot }] = (await tx.unsafe("SELECT pg_export_snapshot() AS snapshot")) as unknown as [{ snapshot: string }];
      const query: RunQuery = async <T>(text: string) => (await tx.unsafe(text)) as unknown as T[];
      const schema = await appliedSchema(query);
      const files = await query<StoredFileRow>(filesQuery);
      const [version] = await query<{ server_version: string }>("SHOW server_version");
      await pgDump(url, snapshot, outFile);
      return { schema, files, serverVersion: `PostgreSQL ${version?.server_version ?? "unknown"}` };
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Copies each listed file's bytes out of storage; answers the ones found and the ones missing. */
async function copyFiles(storage: StorageBackend, rows: StoredFileRow[], dir: string) {
  const files: BackupManifest["files"] = [];
  const missing: string[] = [];
  for (const row of rows) {
    const body = await storage.get(row.storage_key);
    if (!body) {
      // Deleted after the snapshot (its row first, then its bytes), or lost.
      missing.push(row.storage_key);
      continue;
    }
    const target = path.join(dir, row.storage_key);
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), fs.createWriteStream(target, { flags: "wx" }));
    files.push({ key: row.storage_key, contentType: row.mime_type, ...(await fileChecksum(target)) });
  }
  return { files, missing };
}

/** Writes one archive: the manifest, the database's dump and every stored file's bytes. */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const outFile = path.resolve(options.outFile);
  if (fs.existsSync(outFile)) throw new BackupRefusedError(`${outFile} already exists; choose another name with --out.`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-backup-"));
  try {
    const { kind } = options.source;
    const databaseFile = path.join(staging, databaseEntry[kind]);
    fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    const snapshot =
      options.source.kind === "pglite"
        ? await snapshotPglite(options.source.client, databaseFile)
        : await snapshotPostgres(options.source.url, databaseFile);

    const filesDir = path.join(staging, filesFolder);
    fs.mkdirSync(filesDir);
    const { files, missing } = await copyFiles(options.storage, snapshot.files, filesDir);

    const manifest: BackupManifest = {
      format: backupFormat,
      app: { name: packageJson.name, version: packageJson.version },
      createdAt: new Date().toISOString(),
      database: { kind, serverVersion: snapshot.serverVersion, ...(await fileChecksum(databaseFile)) },
      schema: snapshot.schema,
      storage: { backend: options.storageBackend },
      authSecretFingerprint: options.authSecretFingerprint,
      fileCount: files.length,
      files,
      missingFiles: missing,
    };
    fs.writeFileSync(path.join(staging, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    await packArchive(staging, outFile);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
