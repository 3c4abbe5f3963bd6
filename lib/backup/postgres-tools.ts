import { spawn } from "node:child_process";
import { BackupRefusedError } from "./errors";

// pg_dump and pg_restore from the PostgreSQL client tools. The password goes
// in PGPASSWORD, never on the command line, where `ps` would show it.

function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new BackupRefusedError(`${command} was not found. Install the PostgreSQL client tools of your server's version (e.g. apt install postgresql-client-15).`)
          : error,
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupRefusedError(`${command} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

/**
 * Dumps the database in pg_dump's custom format, reading the snapshot another
 * transaction exported, so the dump and the file list of that transaction agree.
 * pg_dump refuses a server newer than itself, with a message that says so.
 */
export async function pgDump(url: string, snapshot: string, outFile: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${outFile}`, `--dbname=${dbname}`], env);
}

/** Restores a custom-format dump all-or-nothing: one transaction, stopping at the first error. */
export async function pgRestore(url: string, dumpFile: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, dumpFile], env);
}
