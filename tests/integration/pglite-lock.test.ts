import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "@/db";
import { acquireDirectoryLock, DatabaseLockedError, lockFileFor, type LockInfo } from "@/db/lock";

// A second process on the same PGlite directory would silently lose writes;
// these tests hold the lock from a real second process.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const lockModule = new URL("../../db/lock.ts", import.meta.url).href;

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-lock-test-"));
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tempRoot, "db-"));
});

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
});

afterAll(() => {
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

/** Starts a process that takes the lock on `lockDir` and keeps it until killed. */
function spawnLockHolder(lockDir: string): Promise<ChildProcess & { pid: number }> {
  const script = `
    const { acquireDirectoryLock } = await import(${JSON.stringify(lockModule)});
    acquireDirectoryLock(${JSON.stringify(lockDir)}, "holder-for-test");
    console.log("locked");
    setInterval(() => {}, 60_000);
  `;
  const holder = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = holder;
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`lock holder did not start: ${stderr}`)), 20_000);
    holder.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("locked")) {
        clearTimeout(timer);
        resolve(holder as ChildProcess & { pid: number });
      }
    });
    holder.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    holder.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`lock holder exited with ${code}: ${stderr}`));
    });
  });
}

function killAndWait(holder: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    holder.once("exit", () => resolve());
    // SIGKILL: no exit handler runs, so the lock file stays behind, stale.
    holder.kill("SIGKILL");
  });
}

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

const readLockFile = (lockDir: string) => JSON.parse(fs.readFileSync(lockFileFor(lockDir), "utf8")) as LockInfo;

describe("PGlite directory lock", () => {
  it("refuses a second process, naming the holder, and takes over once it is dead", async () => {
    const holder = await spawnLockHolder(dir);
    expect(readLockFile(dir)).toMatchObject({ pid: holder.pid, purpose: "holder-for-test", hostname: os.hostname() });

    const error = catchError(() => acquireDirectoryLock(dir, "test"));
    expect(error).toBeInstanceOf(DatabaseLockedError);
    expect((error as DatabaseLockedError).holder.pid).toBe(holder.pid);
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
    expect((error as Error).message).toContain("holder-for-test");
    expect((error as Error).message).toContain(lockFileFor(dir));

    // Opening the database goes through the same lock and never touches the directory.
    const openError = catchError(() => openPglite(dir, "test"));
    expect(openError).toBeInstanceOf(DatabaseLockedError);
    expect((openError as Error).message).toContain(`pid ${holder.pid}`);
    expect(fs.readdirSync(dir)).toEqual([]);
    // The refusal left the holder's lock alone.
    expect(readLockFile(dir).pid).toBe(holder.pid);

    await killAndWait(holder);
    // The dead holder's lock file is still there: stale.
    expect(readLockFile(dir).pid).toBe(holder.pid);

    const release = acquireDirectoryLock(dir, "test-takeover");
    expect(readLockFile(dir)).toMatchObject({ pid: process.pid, purpose: "test-takeover" });
    release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });

  it("opens the database after taking over a stale lock, and releases the lock on close", async () => {
    const holder = await spawnLockHolder(dir);
    await killAndWait(holder);

    const handle = openPglite(dir, "test-open");
    try {
      expect(readLockFile(dir)).toMatchObject({ pid: process.pid, purpose: "test-open" });
      const result = await handle.db.execute(sql`select 41 + 1 as answer`);
      expect(JSON.stringify(result)).toContain("42");
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
    // Creating a new on-disk database takes several seconds, many more on a busy machine.
  }, 120_000);

  it("is re-entrant within one process and frees the file after the last release", () => {
    const first = acquireDirectoryLock(dir, "first");
    const second = acquireDirectoryLock(dir, "second");
    expect(readLockFile(dir)).toMatchObject({ pid: process.pid, purpose: "first" });

    second();
    expect(readLockFile(dir).pid).toBe(process.pid);
    first();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
    // Releasing again is harmless.
    first();

    const again = acquireDirectoryLock(dir, "again");
    expect(readLockFile(dir).purpose).toBe("again");
    again();
  });

  it("lets the next process in once the holder exits normally", async () => {
    const holder = await spawnLockHolder(dir);
    await new Promise<void>((resolve) => {
      holder.once("exit", () => resolve());
      holder.kill("SIGINT");
    });
    // Whether or not the file was cleaned up, the holder is gone, so the lock is free.
    const release = acquireDirectoryLock(dir, "after-exit");
    expect(readLockFile(dir).pid).toBe(process.pid);
    release();
  });

  it("treats an unreadable lock file as stale", () => {
    fs.writeFileSync(lockFileFor(dir), "not json");
    const release = acquireDirectoryLock(dir, "over-garbage");
    expect(readLockFile(dir)).toMatchObject({ pid: process.pid, purpose: "over-garbage" });
    release();
  });

  it("does not take over a lock held from another host, whose pid cannot be checked", () => {
    const foreign: LockInfo = { pid: 2_000_000_000, hostname: `not-${os.hostname()}`, purpose: "server", since: new Date().toISOString() };
    fs.writeFileSync(lockFileFor(dir), JSON.stringify(foreign));
    const error = catchError(() => acquireDirectoryLock(dir, "test"));
    expect(error).toBeInstanceOf(DatabaseLockedError);
    expect(readLockFile(dir)).toEqual(foreign);
  });

  it("takes over a lock of a dead pid on this host", () => {
    const dead: LockInfo = { pid: 2_000_000_000, hostname: os.hostname(), purpose: "server", since: new Date().toISOString() };
    fs.writeFileSync(lockFileFor(dir), JSON.stringify(dead));
    const release = acquireDirectoryLock(dir, "takeover");
    expect(readLockFile(dir).pid).toBe(process.pid);
    release();
  });
});
