import path from "node:path";

// Where the embedded database, the generated AUTH_SECRET and uploads live.
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.JEEVI_DATA_DIR || ".data");
}

export function pgliteDir(): string {
  return process.env.PGLITE_DIR ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.PGLITE_DIR) : path.join(dataDir(), "pglite");
}

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}
