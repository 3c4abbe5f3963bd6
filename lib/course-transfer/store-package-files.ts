import type { DetectedType } from "@/lib/storage/file-type";
import { uploadLimit } from "@/lib/storage/limits";
import { RejectedFile, receiveFile } from "@/lib/storage/receive-file";
import { removeStoredObjects } from "@/lib/storage/remove-objects";
import type { ManifestFile, TransferNote } from "./manifest";
import type { PackageSource } from "./package-io";
import { toWebStream } from "./web-stream";
import type { StoredCopy } from "./write-course";

const imageBytes = 10 * 1024 * 1024;

/** What each kind of file may be, as if it were uploaded here: a package is checked like any upload. */
function rulesFor(file: ManifestFile): { allowedKinds: DetectedType["kind"][]; maxBytes: number } {
  const document = uploadLimit("document");
  const video = uploadLimit("video");
  switch (file.role) {
    case "question":
      return { allowedKinds: ["image"], maxBytes: imageBytes };
    case "lesson":
      return { allowedKinds: [...document.accepts, ...video.accepts, "audio"], maxBytes: Math.max(document.maxBytes, video.maxBytes) };
    case "content":
      return { allowedKinds: [...document.accepts, "audio", "video"], maxBytes: Math.max(document.maxBytes, video.maxBytes) };
    case "submission":
      return { allowedKinds: [...document.accepts, "audio", "video"], maxBytes: Math.max(document.maxBytes, video.maxBytes) };
  }
}

/**
 * Streams each of the package's files into storage, checked by its content and
 * size as an upload would be. A file refused for what it is (or missing) is
 * left out and said so; a damaged package stops everything, and then the
 * objects stored so far are removed.
 */
export async function storePackageFiles(
  source: PackageSource,
  files: readonly ManifestFile[],
  pathOf: (fileId: string) => string | undefined,
  { notes, onFile }: { notes: TransferNote[]; onFile: () => Promise<void> },
): Promise<Map<string, StoredCopy>> {
  const stored = new Map<string, StoredCopy>();
  try {
    for (const file of files) {
      const path = pathOf(file.id);
      if (!path || !source.has(path)) {
        notes.push({ where: `File ${file.name}`, message: "The package does not hold this file; what showed it has a broken link now." });
        await onFile();
        continue;
      }
      try {
        const received = await receiveFile({ content: toWebStream(source.stream(path)), originalName: file.name, ...rulesFor(file) });
        stored.set(file.id, received);
      } catch (error) {
        if (!(error instanceof RejectedFile)) throw error;
        notes.push({ where: `File ${file.name}`, message: `Left out: ${error.userMessage}` });
      }
      await onFile();
    }
  } catch (error) {
    await removeStoredObjects([...stored.values()].map((copy) => copy.storageKey));
    throw error;
  }
  return stored;
}
