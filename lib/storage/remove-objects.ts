import { getStorage } from "./index";
import { logger } from "@/lib/logging/logger.mjs";

/**
 * Removes deleted files' bytes from storage, after the transaction that
 * deleted their rows has committed. A failure is logged: with the rows gone
 * nothing serves the bytes, so the deletion stands.
 */
export async function removeStoredObjects(storageKeys: readonly string[]): Promise<void> {
  for (const key of storageKeys) {
    await getStorage()
      .delete(key)
      .catch((error: unknown) => logger().error({ storageKey: key, err: error }, "storage: could not remove a deleted file's object"));
  }
}
