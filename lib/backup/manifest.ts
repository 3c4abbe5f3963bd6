import { z } from "zod";

// What a backup archive says about itself. The restore reads it first and
// refuses an archive it does not understand, from a newer schema, or whose
// bytes do not match the checksums recorded here.

/** Bumped when the archive's layout changes; a restore refuses formats it does not know. */
export const backupFormat = 1;

export const manifestName = "manifest.json";
export const databaseEntry = { pglite: "database/pglite-data.tar.gz", postgres: "database/postgres.dump" } as const;
export const filesFolder = "files";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// The shape of a generated storage key (see lib/storage/backend.ts): no other
// name can reach a path or an object name on restore.
const storageKey = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/);

export const manifestSchema = z.object({
  format: z.literal(backupFormat),
  app: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.iso.datetime(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    bytes: z.number().int().nonnegative(),
    sha256,
    /** The PostgreSQL server's version (pg_dump's archive) or PGlite's. */
    serverVersion: z.string(),
  }),
  schema: z.object({
    /** The newest migration applied, as in drizzle/meta/_journal.json. */
    migration: z.string(),
    /** Its `when`: the migrator's created_at, which orders migrations. */
    migratedAt: z.number().int(),
  }),
  storage: z.object({ backend: z.string() }),
  /** See secret-fingerprint.ts; null when the site had no AUTH_SECRET configured. */
  authSecretFingerprint: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  fileCount: z.number().int().nonnegative(),
  files: z.array(z.object({ key: storageKey, bytes: z.number().int().nonnegative(), sha256, contentType: z.string().max(100) })),
  /** Files the database lists whose bytes were not in storage when the backup ran. */
  missingFiles: z.array(storageKey),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type DatabaseKind = BackupManifest["database"]["kind"];
