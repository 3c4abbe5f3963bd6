import { DatabaseLockedError } from "@/db/lock";
import { BackupRefusedError } from "@/lib/backup/errors";

/** Runs a command-line task; known failures print a clear message instead of a stack. */
export async function runScript(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof BackupRefusedError) {
      console.error(`\n${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
