import { StorageConfigError, type Environment, type StorageBackend } from "./backend";
import { LocalBackend } from "./local-backend";
import { S3Backend, s3SettingsFromEnv } from "./s3-backend";

export type { ByteRange, StorageBackend } from "./backend";

/** The backend STORAGE_BACKEND names: "local" (the default) or "s3". */
export function createStorage(env: Environment = process.env): StorageBackend {
  const choice = env.STORAGE_BACKEND?.trim().toLowerCase() || "local";
  if (choice === "local") return new LocalBackend();
  if (choice === "s3") return new S3Backend(s3SettingsFromEnv(env));
  throw new StorageConfigError(`STORAGE_BACKEND must be "local" or "s3", not "${env.STORAGE_BACKEND}".`);
}

// One client per process, shared by the bundler's module copies, like the database handle.
const globalForStorage = globalThis as unknown as { __jeeviStorage?: StorageBackend };

export function getStorage(): StorageBackend {
  return (globalForStorage.__jeeviStorage ??= createStorage());
}
