import type { DbOrTx } from "@/db";
import { storedFiles, type StoredFile } from "@/db/schema";
import { getStorage } from "./index";
import { uploadLimit } from "./limits";
import { logger } from "@/lib/logging/logger.mjs";
import { receiveFile, type ReceiveOptions, type ReceivedFile } from "./receive-file";

export interface FileOwner {
  uploadedBy: string | null;
  /** The course whose teacher may attach and replace the file. */
  courseId?: string | null;
}

/** Records a received file. */
export async function insertStoredFile(db: DbOrTx, file: ReceivedFile, owner: FileOwner): Promise<StoredFile> {
  const [row] = await db
    .insert(storedFiles)
    .values({ ...file, uploadedBy: owner.uploadedBy, courseId: owner.courseId ?? null })
    .returning();
  return row!;
}

/** Removes an object whose row could not be written; a failure is only logged, as nothing refers to the object. */
export async function discardStoredObject(storageKey: string): Promise<void> {
  await getStorage()
    .delete(storageKey)
    .catch((error: unknown) => logger().error({ storageKey, err: error }, "storage: could not remove an unrecorded object"));
}

export type StoreOptions = Omit<ReceiveOptions, "maxBytes"> & FileOwner & { maxBytes?: number };

/**
 * Checks a file by its content and size, stores it under a generated name and
 * records it. Stored before the row: if a transaction around this then fails,
 * an unreferenced object is left behind, never a row pointing at nothing.
 */
export async function storeFile(db: DbOrTx, options: StoreOptions): Promise<StoredFile> {
  const received = await receiveFile({ ...options, maxBytes: options.maxBytes ?? uploadLimit("document").maxBytes });
  try {
    return await insertStoredFile(db, received, options);
  } catch (error) {
    await discardStoredObject(received.storageKey);
    throw error;
  }
}
