import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { courseTransfers, type CourseTransfer } from "@/db/schema";
import { rowsOf } from "@/lib/db/rows";
import { runTransfer } from "@/lib/course-transfer/transfers/run-transfer";
import type { WorkerJob } from "./job";
import { courseTransfersQueue } from "./queue-names";

/** A run that has not reported progress for this long died with its process: it is started again. */
const staleAfterMinutes = 60;
const maxAttempts = 3;

/**
 * Takes the oldest waiting transfer (SKIP LOCKED, so two workers never take
 * the same one) and marks it running. A running one whose worker stopped
 * reporting is taken again, up to three tries; its earlier try left nothing
 * behind (the course is written in one transaction at the end).
 */
async function claimNext(db: Database, now: Date): Promise<CourseTransfer | null> {
  const stale = new Date(now.getTime() - staleAfterMinutes * 60 * 1000).toISOString();
  const rows = await db.execute<{ id: string }>(sql`
    UPDATE ${courseTransfers} SET status = 'running', attempts = attempts + 1, started_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz, steps_done = 0
    WHERE id = (
      SELECT id FROM ${courseTransfers}
      WHERE (status = 'queued' OR (status = 'running' AND updated_at < ${stale}::timestamptz)) AND attempts < ${maxAttempts}
      ORDER BY created_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id`);
  const id = rowsOf<{ id: string }>(rows)[0]?.id;
  if (!id) return null;
  const [transfer] = await db.select().from(courseTransfers).where(eq(courseTransfers.id, id));
  return transfer ?? null;
}

/** Gives up on a transfer that died three times, so its teacher is not left waiting forever. */
async function failExhausted(db: Database, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - staleAfterMinutes * 60 * 1000).toISOString();
  await db.execute(sql`
    UPDATE ${courseTransfers} SET status = 'failed', finished_at = ${now.toISOString()}::timestamptz,
      error = 'The copy stopped three times before it finished; nothing was saved. Try again, or ask your administrator.'
    WHERE status = 'running' AND updated_at < ${stale}::timestamptz AND attempts >= ${maxAttempts}`);
}

/**
 * Course copies, restores and cartridge imports, one after another: each may
 * stream gigabytes of files, so a worker runs one at a time.
 */
export const courseTransferJob: WorkerJob = {
  name: courseTransfersQueue,
  cron: "* * * * *",
  async run(db, now) {
    await failExhausted(db, now);
    let handled = 0;
    for (let transfer = await claimNext(db, now); transfer; transfer = await claimNext(db, new Date())) {
      await runTransfer(db, transfer);
      handled += 1;
    }
    return handled;
  },
};
