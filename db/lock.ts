import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// PGlite has no inter-process locking: a second process on the same directory
// silently loses writes. Every opener (server, seed, migrate) takes this lock.

export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database at ${dir} is in use by another process ` +
        `(pid ${holder.pid}, ${holder.purpose}, since ${holder.since}). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server. ` +
        `If no such process is running, delete ${lockFile}.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export interface LockInfo {
  pid: number;
  hostname: string;
  purpose: string;
  since: string;
}

const held = new Map<string, number>();

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the lock on `dir` for this process; returns the function that releases it. */
export function acquireDirectoryLock(dir: string, purpose: string): () => void {
  const file = lockFileFor(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const count = held.get(file);
  if (count !== undefined) {
    held.set(file, count + 1);
    return () => release(file);
  }

  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      held.set(file, 1);
      process.once("exit", () => unlinkIfOurs(file));
      return () => release(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const stale = !holder || (holder.hostname === os.hostname() && !isAlive(holder.pid));
      if (!stale) throw new DatabaseLockedError(path.resolve(dir), holder, file);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

function release(file: string) {
  const count = held.get(file);
  if (count === undefined) return;
  if (count > 1) {
    held.set(file, count - 1);
    return;
  }
  held.delete(file);
  unlinkIfOurs(file);
}

function unlinkIfOurs(file: string) {
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
