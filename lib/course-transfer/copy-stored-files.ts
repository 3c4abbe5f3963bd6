import { randomUUID } from "node:crypto";
import { getStorage } from "@/lib/storage";
import { removeStoredObjects } from "@/lib/storage/remove-objects";
import type { ManifestFile, TransferNote } from "./manifest";
import type { StorageKeys } from "./read-course";
import { fromWebStream } from "./web-stream";
import type { StoredCopy } from "./write-course";

/**
 * Copies a course's stored objects under new keys (a copy must not share
 * objects with its source: deleting one course's file would break the other's).
 * The bytes were checked when they were uploaded, so they are streamed across
 * as they are. `onFile` is told after each file, for the progress shown.
 * When a copy fails half-way, the objects made so far are removed again.
 */
export async function copyStoredFiles(
  files: readonly ManifestFile[],
  storageKeys: StorageKeys,
  { notes, onFile }: { notes: TransferNote[]; onFile: () => Promise<void> },
): Promise<Map<string, StoredCopy>> {
  const storage = getStorage();
  const copies = new Map<string, StoredCopy>();
  try {
    for (const file of files) {
      const key = storageKeys.get(file.id);
      const stream = key ? await storage.get(key) : null;
      if (!key || !stream) {
        notes.push({ where: `File ${file.name}`, message: "The file is missing from storage, so the copy has none." });
        await onFile();
        continue;
      }
      const storageKey = `${randomUUID()}.${key.split(".").pop()}`;
      await storage.put(storageKey, fromWebStream(stream), file.mimeType ?? "application/octet-stream");
      copies.set(file.id, { storageKey, originalName: file.name, mimeType: file.mimeType ?? "application/octet-stream", sizeBytes: file.sizeBytes ?? 0, sha256: file.sha256 ?? "" });
      await onFile();
    }
  } catch (error) {
    await removeStoredObjects([...copies.values()].map((copy) => copy.storageKey));
    throw error;
  }
  return copies;
}
