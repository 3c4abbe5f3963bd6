// Where uploaded bytes live (local disk or an S3 bucket), behind one interface,
// so checking, recording and serving files never depend on the backend.

/** Inclusive byte positions, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StorageBackend {
  /**
   * Stores the bytes under the key. When the source throws (an upload over its
   * limit, a dropped connection), nothing is left under the key and the error
   * is passed on.
   */
  put(key: string, source: AsyncIterable<Uint8Array> | Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or only the range's; null when nothing is stored under the key. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; nothing happens when it is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

// Keys are generated (a UUID and the detected extension), never taken from the
// uploader: checking the shape keeps any other string out of paths and object names.
const storageKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;

export function assertStorageKey(key: string): void {
  if (!storageKeyPattern.test(key)) throw new Error("Invalid storage key");
}

/** A lone buffer is one chunk; a stream is read as it comes. */
export function chunksOf(source: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> | Uint8Array[] {
  return source instanceof Uint8Array ? [source] : source;
}

/** Settings are read from variables like these (process.env by default). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A storage setting that is missing or wrong; its message names the variable. */
export class StorageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageConfigError";
  }
}
