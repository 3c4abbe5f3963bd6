import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite } from "@/db";
import { databaseUrl, pgliteDir } from "@/db/config";
import { createStorage } from "@/lib/storage";
import { uploadsDir } from "@/lib/storage/local-backend";
import { createBackup } from "./create-backup";
import { BackupRefusedError } from "./errors";
import type { BackupManifest } from "./manifest";
import { restoreBackup, type RestoreReport } from "./restore-backup";
import { authSecretFingerprint } from "./secret-fingerprint";
import { assertUploadsEmpty } from "./target-checks";

// npm run backup / npm run restore: the site this installation is configured
// for (DATABASE_URL or the embedded database, STORAGE_BACKEND).

const storageBackendName = () => process.env.STORAGE_BACKEND?.trim().toLowerCase() || "local";

/** Backs up the configured site into `outFile`. */
export async function backupConfiguredSite(outFile: string): Promise<BackupManifest> {
  const storage = createStorage();
  const url = databaseUrl();
  const settings = { storage, outFile, storageBackend: storageBackendName(), authSecretFingerprint: authSecretFingerprint() };
  if (url) return createBackup({ source: { kind: "postgres", url }, ...settings });

  const dir = pgliteDir();
  if (!fs.existsSync(dir) || fs.readdirSync(dir).length === 0) throw new BackupRefusedError(`There is no embedded database at ${dir} to back up.`);
  // Taking the directory's lock refuses while the server (or a seed, a
  // migration) has the database open: a copy taken then would not be consistent.
  const handle = openPglite(dir, "backup");
  try {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return await createBackup({ source: { kind: "pglite", client }, ...settings });
  } finally {
    await handle.close();
  }
}

/** Restores an archive into the configured, empty database and storage. */
export async function restoreConfiguredSite(archive: string): Promise<RestoreReport> {
  const url = databaseUrl();
  const local = storageBackendName() === "local";
  return restoreBackup({
    archive,
    target: url ? { kind: "postgres", url } : { kind: "pglite", dir: pgliteDir() },
    storage: createStorage(),
    assertStorageEmpty: local ? () => assertUploadsEmpty(uploadsDir()) : undefined,
    authSecretFingerprint: authSecretFingerprint(),
  });
}
