import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/config";
import type { DbOrTx } from "@/db";
import { storedFiles, type StoredFile } from "@/db/schema";
import { detectFileType, type DetectedType } from "./file-type";

// Uploaded files live under <data dir>/uploads/<first two characters>/<key>,
// where the key is generated here: the uploader's file name never reaches a path.

const keyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;

export function uploadsDir(): string {
  return path.join(dataDir(), "uploads");
}

export function pathForKey(storageKey: string): string {
  if (!keyPattern.test(storageKey)) throw new Error("Invalid storage key");
  return path.join(uploadsDir(), storageKey.slice(0, 2), storageKey);
}

export class RejectedFile extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = "RejectedFile";
  }
}

export interface StoreOptions {
  bytes: Uint8Array;
  originalName: string;
  uploadedBy: string | null;
  /** Kinds accepted here (for example only documents for a file lesson). */
  allowedKinds?: DetectedType["kind"][];
  maxBytes?: number;
}

export const defaultMaxBytes = 50 * 1024 * 1024;

/** Checks a file by its content and size, writes it under a generated name and records it. */
export async function storeFile(db: DbOrTx, options: StoreOptions): Promise<StoredFile> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (options.bytes.length === 0) throw new RejectedFile("The file is empty.");
  if (options.bytes.length > maxBytes) {
    throw new RejectedFile(`The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
  }
  const type = detectFileType(options.bytes, options.originalName);
  if (!type || (options.allowedKinds && !options.allowedKinds.includes(type.kind))) {
    throw new RejectedFile("This type of file is not accepted here.");
  }
  const storageKey = `${randomUUID()}.${type.extension}`;
  const target = pathForKey(storageKey);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written before the row: if the transaction then fails, an unreferenced
  // file is left behind, never a row pointing at nothing.
  fs.writeFileSync(target, options.bytes, { flag: "wx" });
  const [row] = await db
    .insert(storedFiles)
    .values({
      storageKey,
      originalName: sanitizeFileName(options.originalName, type.extension),
      mimeType: type.mime,
      sizeBytes: options.bytes.length,
      sha256: createHash("sha256").update(options.bytes).digest("hex"),
      uploadedBy: options.uploadedBy,
    })
    .returning();
  return row!;
}

/** A display name safe for headers and pages: no paths, no control characters, the right extension. */
export function sanitizeFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  const stem = cleaned.replace(/\.[^.]*$/, "") || "file";
  return `${stem}.${extension}`;
}
