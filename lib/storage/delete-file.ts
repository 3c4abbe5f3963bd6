import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { storedFiles } from "@/db/schema";
import { logger } from "@/lib/logging/logger.mjs";
import { getStorage } from "./index";

/**
 * Deletes a stored file: its row, then its bytes. Safe to call again or for a
 * file already gone (answers false). Lessons that showed it lose their file
 * (the reference is set null). Inside a transaction, call it as the last step:
 * a rollback after it would bring the row back without its bytes.
 */
export async function deleteStoredFile(db: DbOrTx, fileId: string): Promise<boolean> {
  if (!z.uuid().safeParse(fileId).success) return false;
  const [row] = await db.delete(storedFiles).where(eq(storedFiles.id, fileId)).returning({ storageKey: storedFiles.storageKey });
  if (!row) return false;
  // With the row gone nothing can serve the bytes, so a storage outage here
  // should not undo the deletion: the leftover object is logged for cleanup.
  await getStorage()
    .delete(row.storageKey)
    .catch((error: unknown) => logger().error({ storageKey: row.storageKey, err: error }, "storage: could not remove a deleted file's object"));
  return true;
}
