import { open, type FileHandle } from "node:fs/promises";
import { Inflate } from "fflate";
import { PackageError, type PackageSource } from "../package-io";
import { isDirectory, readAt, readZipDirectory, refuseEntries, tooLargeEntry, tooLargePackage, type ZipDirectoryEntry } from "./zip-directory";
import { crc32, methods, signatures } from "./zip-format";

// A package on disk is untrusted and may be many gigabytes. Entries are read
// from the file a slice at a time and the bytes that actually come out of the
// inflater are counted: a zip bomb is stopped after at most one slice past the
// limit, however small the sizes it declares.

export interface ZipFileLimits {
  /** Entries, directories included. */
  entries?: number;
  /** One entry expanded. */
  entryBytes?: number;
  /** Everything read from the package, expanded, together. */
  expandedBytes?: number;
}

const gigabyte = 1024 ** 3;

/** Room for a course of lecture videos, yet a bound on what one import may expand to. */
export const cartridgeZipLimits: Required<ZipFileLimits> = { entries: 20_000, entryBytes: 8 * gigabyte, expandedBytes: 16 * gigabyte };

export type OpenZipResult = { ok: true; source: ZipFileSource } | { ok: false; message: string };

/** Bytes read from the file at once. */
const readSlice = 64 * 1024;
/** Compressed bytes given to the inflater at once: bounds what one step can expand to (deflate's ratio is at most about 1032:1). */
const inflateSlice = 16 * 1024;
const localHeaderBytes = 30;
const unreadable = "The package file could not be read.";

/** Counts an entry's expanded bytes against its own size and the package's budget, and checksums them. */
class ExpansionMeter {
  #bytes = 0;
  #crc = 0;

  constructor(
    private readonly entry: ZipDirectoryEntry,
    private readonly limits: Required<ZipFileLimits>,
    private readonly budget: { used: number },
  ) {}

  count(chunk: Uint8Array) {
    this.#bytes += chunk.byteLength;
    this.budget.used += chunk.byteLength;
    if (this.#bytes > this.limits.entryBytes) throw new PackageError(tooLargeEntry(this.entry.name, this.limits.entryBytes));
    if (this.budget.used > this.limits.expandedBytes) throw new PackageError(tooLargePackage(this.limits.expandedBytes));
    if (this.#bytes > this.entry.size) throw new PackageError(`The entry ${this.entry.name} is damaged: it expands to more than the ${this.entry.size} bytes it declares.`);
    this.#crc = crc32(chunk, this.#crc);
  }

  /** After the last chunk: the entry must have come out whole and unchanged. */
  check() {
    if (this.#bytes !== this.entry.size) throw new PackageError(`The entry ${this.entry.name} is damaged: it expands to ${this.#bytes} bytes, not the ${this.entry.size} it declares.`);
    if (this.#crc !== this.entry.crc) throw new PackageError(`The entry ${this.entry.name} is damaged: its checksum does not match.`);
  }
}

/** A zip file opened for reading; `close()` it when done. */
export class ZipFileSource implements PackageSource {
  readonly #budget = { used: 0 };

  constructor(
    private readonly file: FileHandle,
    private readonly entries: ReadonlyMap<string, ZipDirectoryEntry>,
    private readonly limits: Required<ZipFileLimits>,
  ) {}

  names() {
    return [...this.entries.keys()];
  }

  has(name: string) {
    return this.entries.has(name);
  }

  sizeOf(name: string) {
    return this.entries.get(name)?.size ?? null;
  }

  async readBytes(name: string, maxBytes: number): Promise<Uint8Array> {
    const entry = this.#entry(name);
    const tooLarge = () => new PackageError(`${name} is larger than ${maxBytes} bytes.`);
    if (entry.size > maxBytes) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of this.stream(name)) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return concat(chunks, total);
  }

  async *stream(name: string): AsyncIterable<Uint8Array> {
    const entry = this.#entry(name);
    const meter = new ExpansionMeter(entry, this.limits, this.#budget);
    const compressed = this.#compressedSlices(entry);
    const expanded = entry.method === methods.stored ? compressed : inflate(compressed, entry.name);
    for await (const chunk of expanded) {
      meter.count(chunk);
      yield chunk;
    }
    meter.check();
  }

  async close() {
    await this.file.close();
  }

  #entry(name: string): ZipDirectoryEntry {
    const entry = this.entries.get(name);
    if (!entry) throw new PackageError(`The package has no file ${name}.`);
    return entry;
  }

  /** The entry's stored bytes, fresh buffers of up to `readSlice` each; the local header only says how far to skip. */
  async *#compressedSlices(entry: ZipDirectoryEntry): AsyncGenerator<Uint8Array> {
    const header = await this.#read(entry.localOffset, localHeaderBytes);
    if (header.length < localHeaderBytes || header.readUInt32LE(0) !== signatures.local) throw new PackageError(`The entry ${entry.name} is damaged.`);
    const start = entry.localOffset + localHeaderBytes + header.readUInt16LE(26) + header.readUInt16LE(28);
    for (let done = 0; done < entry.compressedSize; ) {
      const slice = await this.#read(start + done, Math.min(readSlice, entry.compressedSize - done));
      if (slice.length === 0) throw new PackageError(`The entry ${entry.name} is damaged (it ends past the end of the file).`);
      done += slice.length;
      yield new Uint8Array(slice.buffer, slice.byteOffset, slice.length);
    }
  }

  async #read(position: number, length: number): Promise<Buffer> {
    try {
      return await readAt(this.file, position, length);
    } catch {
      throw new PackageError(unreadable);
    }
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/** Expands deflated slices a small step at a time, so no step can expand to more than about 16 MB. */
async function* inflate(compressed: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => out.push(chunk));
  const push = (piece: Uint8Array, final: boolean) => {
    try {
      inflater.push(piece, final);
    } catch {
      throw new PackageError(`The entry ${name} could not be expanded; the package is damaged.`);
    }
  };
  let pending: Uint8Array | null = null;
  // The final flag belongs on the last piece, which is only known once the next slice is asked for.
  for await (const slice of compressed) {
    if (pending) yield* inflatePieces(pending, false, push, out);
    pending = slice;
  }
  if (pending) yield* inflatePieces(pending, true, push, out);
}

function* inflatePieces(slice: Uint8Array, last: boolean, push: (piece: Uint8Array, final: boolean) => void, out: Uint8Array[]): Generator<Uint8Array> {
  for (let at = 0; at < slice.byteLength; at += inflateSlice) {
    push(slice.subarray(at, at + inflateSlice), last && at + inflateSlice >= slice.byteLength);
    yield* out.splice(0);
  }
}

const resolveLimits = (limits: ZipFileLimits): Required<ZipFileLimits> => ({
  entries: limits.entries ?? cartridgeZipLimits.entries,
  entryBytes: limits.entryBytes ?? cartridgeZipLimits.entryBytes,
  expandedBytes: limits.expandedBytes ?? cartridgeZipLimits.expandedBytes,
});

/**
 * Opens a zip file and checks its directory: entry count, names, encryption,
 * compression methods, duplicates and declared sizes. Never throws; the
 * source it gives throws `PackageError` when an entry turns out damaged or
 * over the limits as it is read.
 */
export async function openZipFile(path: string, limits: ZipFileLimits = {}): Promise<OpenZipResult> {
  const resolved = resolveLimits(limits);
  let file: FileHandle;
  try {
    file = await open(path, "r");
  } catch {
    return { ok: false, message: unreadable };
  }
  const refuse = async (message: string): Promise<OpenZipResult> => {
    await file.close().catch(() => undefined);
    return { ok: false, message };
  };
  try {
    const { size } = await file.stat();
    const directory = await readZipDirectory(file, size, resolved.entries);
    if (typeof directory === "string") return await refuse(directory);
    const refusal = refuseEntries(directory, resolved);
    if (refusal) return await refuse(refusal);
    const files = new Map(directory.filter((entry) => !isDirectory(entry)).map((entry) => [entry.name, entry]));
    return { ok: true, source: new ZipFileSource(file, files, resolved) };
  } catch {
    // Offsets read from a damaged archive can point anywhere; the reads then fail.
    return await refuse("The zip archive is damaged.");
  }
}
