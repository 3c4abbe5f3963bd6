import { getStorage } from "./index";

/**
 * Removes deleted files' bytes from storage, after the transaction that
 * deleted their rows has committed. A failure is logged: with the rows gone
 * nothing serves the bytes, so the deletion stands.
 */
export async function removeStoredObjects(storageKeys: readonly string[]): Promise<void> {
  for (const key of storageKeys) {
    await getStorage()
      .delete(key)
      .catch((error: unknown) => console.error(`[storage] could not remove deleted file's object ${key}`, error));
  }
}
