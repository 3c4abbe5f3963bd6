import { createHash, randomUUID } from "node:crypto";
import type { StorageBackend } from "./backend";
import { sanitizeFileName } from "./file-name";
import { detectFileType, sniffLength, type DetectedType } from "./file-type";
import { getStorage } from "./index";
import { describeSize } from "./limits";

/** A file refused for what it is; the message is safe to show the uploader. */
export class RejectedFile extends Error {
  constructor(
    readonly reason: "empty" | "too-large" | "type",
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = "RejectedFile";
  }
}

export interface ReceiveOptions {
  /** The whole file, or a request body still arriving. */
  content: Uint8Array | ReadableStream<Uint8Array> | null;
  originalName: string;
  /** Kinds accepted here (for example only videos for a video lesson); any known kind when unset. */
  allowedKinds?: DetectedType["kind"][];
  maxBytes: number;
  storage?: StorageBackend;
}

/** What was stored, ready to be recorded. */
export interface ReceivedFile {
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

async function* readChunks(content: ReceiveOptions["content"]): AsyncGenerator<Uint8Array, void, undefined> {
  if (content === null) return;
  if (content instanceof Uint8Array) {
    if (content.length > 0) yield content;
    return;
  }
  const reader = content.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (value.length > 0) yield value;
    }
  } finally {
    // Stopping early (a refused type, a file over the limit) stops reading the sender's body too.
    if (!finished) await reader.cancel().catch(() => {});
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * Checks a file by its content while it streams into storage under a
 * generated key: its first bytes decide the type before anything is written,
 * and the count stops it at the limit whether or not the sender declared a
 * length. Throws RejectedFile (nothing stored) for an empty, oversized or
 * unaccepted file.
 */
export async function receiveFile(options: ReceiveOptions): Promise<ReceivedFile> {
  const storage = options.storage ?? getStorage();
  const tooLarge = () => new RejectedFile("too-large", `The file is larger than ${describeSize(options.maxBytes)}.`);
  const chunks = readChunks(options.content);

  const head: Uint8Array[] = [];
  let headLength = 0;
  let complete = false;
  let type: DetectedType | null;
  try {
    while (headLength < sniffLength) {
      const next = await chunks.next();
      if (next.done) {
        complete = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    if (headLength === 0) throw new RejectedFile("empty", "The file is empty.");
    if (headLength > options.maxBytes) throw tooLarge();
    type = detectFileType(concat(head, headLength), options.originalName, complete);
    if (!type || (options.allowedKinds && !options.allowedKinds.includes(type.kind))) {
      throw new RejectedFile("type", "This type of file is not accepted here.");
    }
  } catch (error) {
    await chunks.return();
    throw error;
  }

  const storageKey = `${randomUUID()}.${type.extension}`;
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const counted = (chunk: Uint8Array) => {
    sizeBytes += chunk.length;
    if (sizeBytes > options.maxBytes) throw tooLarge();
    hash.update(chunk);
    return chunk;
  };
  async function* checkedContent() {
    for (const chunk of head) yield counted(chunk);
    for await (const chunk of chunks) yield counted(chunk);
  }
  try {
    await storage.put(storageKey, checkedContent(), type.mime);
  } catch (error) {
    // The backend leaves nothing under the key; the sender's body must stop too.
    await chunks.return();
    throw error;
  }
  return {
    storageKey,
    originalName: sanitizeFileName(options.originalName, type.extension),
    mimeType: type.mime,
    sizeBytes,
    sha256: hash.digest("hex"),
  };
}
