import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { storedFiles } from "@/db/schema";
import { getStorage } from "@/lib/storage";
import type { PackageSource } from "../package-io";
import { openZipFile } from "../zip/zip-file-source";
import { PackageError } from "../package-io";

/**
 * Opens an uploaded package from storage for reading. A zip is read from its
 * end (the directory) and then entry by entry, which needs a seekable file:
 * the stored object is streamed to a private temporary file first (an S3
 * object cannot be read at offsets cheaply), removed again when `read` is done.
 */
export async function withStoredPackage<T>(db: DbOrTx, fileId: string, read: (source: PackageSource) => Promise<T>): Promise<T> {
  const [file] = await db.select({ storageKey: storedFiles.storageKey }).from(storedFiles).where(eq(storedFiles.id, fileId));
  const stream = file ? await getStorage().get(file.storageKey) : null;
  if (!stream) throw new PackageError("The uploaded package is gone; upload it again.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-package-"));
  const local = path.join(dir, "package.zip");
  try {
    await pipeline(Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>), fs.createWriteStream(local, { mode: 0o600 }));
    const opened = await openZipFile(local);
    if (!opened.ok) throw new PackageError(opened.message);
    try {
      return await read(opened.source);
    } finally {
      await opened.source.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
