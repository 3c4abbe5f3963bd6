import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { dataDir } from "@/db/config";
import { assertStorageKey, chunksOf, type ByteRange, type StorageBackend } from "./backend";

// The default backend: files under <data dir>/uploads/<first two characters>/<key>,
// two characters of fan-out so no directory grows to every upload.

export function uploadsDir(): string {
  return path.join(dataDir(), "uploads");
}

export function pathForKey(storageKey: string, root = uploadsDir()): string {
  assertStorageKey(storageKey);
  return path.join(root, storageKey.slice(0, 2), storageKey);
}

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

export class LocalBackend implements StorageBackend {
  /** `root` is the uploads directory; unset, it follows JEEVI_DATA_DIR (a restore writes to another one). */
  constructor(private readonly root?: string) {}

  private pathFor(key: string): string {
    return pathForKey(key, this.root ?? uploadsDir());
  }

  async put(key: string, source: AsyncIterable<Uint8Array> | Uint8Array): Promise<void> {
    const target = this.pathFor(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Written beside the target, then renamed into place: a reader never sees
    // half a file, and an upload that fails midway leaves nothing under the key.
    const partial = `${target}.${randomUUID()}.part`;
    try {
      await fs.promises.writeFile(partial, chunksOf(source), { flag: "wx" });
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    let handle: fs.promises.FileHandle;
    try {
      // Opened once: the file cannot vanish between a check and the read.
      handle = await fs.promises.open(this.pathFor(key), "r");
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathFor(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.promises.stat(this.pathFor(key));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
