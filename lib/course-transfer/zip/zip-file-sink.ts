import { PassThrough, Readable, type Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { createDeflateRaw } from "node:zlib";
import { unsafeZipPath } from "@/lib/question-formats/zip/read-zip-safely";
import { PackageError, type PackageSink } from "../package-io";
import { crc32, flags, methods, signatures, zip64ExtraId, zip64Marker16, zip64Marker32 } from "./zip-format";

// Entries are written as they stream in, so neither their sizes nor their
// checksums are known when the local header goes out: they follow the data in
// a data descriptor (flag bit 3) and are repeated in the central directory,
// which is what readers trust. ZIP64 fields appear only where a value does not
// fit in 32 bits (or 16 for the entry count), as Info-ZIP and Python expect.

type Output = NodeJS.WritableStream | Writable;

export interface ZipWriterOptions {
  /** "always" writes every entry and the end records in ZIP64 form, as for an archive over 4 GB; "auto" (the default) only where needed. */
  zip64?: "auto" | "always";
}

interface WrittenEntry {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Uncompressed bytes handed to the deflater or the output at once. */
const piece = 64 * 1024;
const zip64Version = 45;
const deflateVersion = 20;
/** Made by Unix (3), so unzip gives extracted files ordinary permissions (rw-r--r--). */
const madeBy = (3 << 8) | zip64Version;
const regularFileAttributes = (0o100644 << 16) >>> 0;

/** The current local time as MS-DOS packs it, clamped to 1980, the earliest it can say. */
function dosTimestamp(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const needsZip64 = (value: number) => value >= zip64Marker32;

function localHeader(name: Buffer, method: number, stamp: { time: number; date: number }): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(signatures.local, 0);
  header.writeUInt16LE(deflateVersion, 4);
  header.writeUInt16LE(flags.dataDescriptor | flags.utf8Name, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(stamp.time, 10);
  header.writeUInt16LE(stamp.date, 12);
  // Checksum and sizes stay zero: flag bit 3 says they follow the data.
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function dataDescriptor(entry: WrittenEntry, wide: boolean): Buffer {
  const descriptor = Buffer.alloc(wide ? 24 : 16);
  descriptor.writeUInt32LE(signatures.dataDescriptor, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  if (wide) {
    descriptor.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
    descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    descriptor.writeUInt32LE(entry.compressedSize, 8);
    descriptor.writeUInt32LE(entry.size, 12);
  }
  return descriptor;
}

/** The central directory header, with a ZIP64 extra field holding the values too large for their fixed fields. */
function centralHeader(entry: WrittenEntry, stamp: { time: number; date: number }, always: boolean): Buffer {
  const wideSizes = always || needsZip64(entry.size) || needsZip64(entry.compressedSize);
  const wideOffset = always || needsZip64(entry.offset);
  const wide = [...(wideSizes ? [entry.size, entry.compressedSize] : []), ...(wideOffset ? [entry.offset] : [])];
  const extra = Buffer.alloc(wide.length ? 4 + 8 * wide.length : 0);
  if (wide.length) {
    extra.writeUInt16LE(zip64ExtraId, 0);
    extra.writeUInt16LE(8 * wide.length, 2);
    wide.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  }
  const header = Buffer.alloc(46);
  header.writeUInt32LE(signatures.central, 0);
  header.writeUInt16LE(madeBy, 4);
  header.writeUInt16LE(wide.length ? zip64Version : deflateVersion, 6);
  header.writeUInt16LE(flags.dataDescriptor | flags.utf8Name, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(stamp.time, 12);
  header.writeUInt16LE(stamp.date, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(wideSizes ? zip64Marker32 : entry.compressedSize, 20);
  header.writeUInt32LE(wideSizes ? zip64Marker32 : entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(regularFileAttributes, 38);
  header.writeUInt32LE(wideOffset ? zip64Marker32 : entry.offset, 42);
  return Buffer.concat([header, entry.name, extra]);
}

interface DirectoryEnd {
  count: number;
  size: number;
  offset: number;
}

function zip64EndRecords(directory: DirectoryEnd): Buffer {
  const record = Buffer.alloc(56 + 20);
  record.writeUInt32LE(signatures.zip64End, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(madeBy, 12);
  record.writeUInt16LE(zip64Version, 14);
  record.writeBigUInt64LE(BigInt(directory.count), 24);
  record.writeBigUInt64LE(BigInt(directory.count), 32);
  record.writeBigUInt64LE(BigInt(directory.size), 40);
  record.writeBigUInt64LE(BigInt(directory.offset), 48);
  // The locator: where the record above starts (right after the directory), on the only disk.
  record.writeUInt32LE(signatures.zip64Locator, 56);
  record.writeBigUInt64LE(BigInt(directory.offset + directory.size), 64);
  record.writeUInt32LE(1, 72);
  return record;
}

function endRecord(directory: DirectoryEnd, zip64: boolean): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(signatures.end, 0);
  record.writeUInt16LE(zip64 ? zip64Marker16 : directory.count, 8);
  record.writeUInt16LE(zip64 ? zip64Marker16 : directory.count, 10);
  record.writeUInt32LE(zip64 ? zip64Marker32 : directory.size, 12);
  record.writeUInt32LE(zip64 ? zip64Marker32 : directory.offset, 16);
  return record;
}

/** The source in pieces of at most `piece` bytes, so a large chunk is deflated and written with backpressure too. */
async function* pieces(source: Uint8Array | string | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const chunks = typeof source === "string" ? [Buffer.from(source, "utf8")] : source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.byteLength; at += piece) yield chunk.subarray(at, at + piece);
  }
}

function refusedName(name: string): string | null {
  const unsafe = unsafeZipPath(name);
  if (unsafe) return `The file name ${JSON.stringify(name)} ${unsafe}; it cannot go into a package.`;
  if (name === "" || name.endsWith("/")) return `The file name ${JSON.stringify(name)} is not a file's path.`;
  if (Buffer.byteLength(name, "utf8") > 0xffff) return `The file name ${name.slice(0, 60)}… is too long for a zip package.`;
  return null;
}

/** Writes a zip archive to `output` entry by entry; `finish()` writes the directory and ends the output. */
export class ZipWriter implements PackageSink {
  readonly #entries: WrittenEntry[] = [];
  readonly #names = new Set<string>();
  readonly #stamp = dosTimestamp(new Date());
  readonly #always: boolean;
  #offset = 0;
  #queue: Promise<void> = Promise.resolve();
  #failure: Error | null = null;
  #finished = false;

  constructor(
    private readonly output: Output,
    options: ZipWriterOptions = {},
  ) {
    this.#always = options.zip64 === "always";
    // A stream error with no listener would crash the process; it is kept and rethrown by the next write instead.
    output.on("error", (error: Error) => (this.#failure ??= error));
  }

  add(name: string, source: Uint8Array | string | AsyncIterable<Uint8Array>, options: { compress?: boolean } = {}): Promise<void> {
    const refused = this.#finished ? "The package is already finished." : this.#names.has(name) ? `The package already has ${name}.` : refusedName(name);
    if (refused) return Promise.reject(new PackageError(refused));
    this.#names.add(name);
    return this.#enqueue(() => this.#writeEntry(name, source, options.compress !== false));
  }

  finish(): Promise<void> {
    if (this.#finished) return Promise.reject(new PackageError("The package is already finished."));
    this.#finished = true;
    return this.#enqueue(() => this.#writeDirectory());
  }

  /** Entries go out one after another in the order they were added, even when the adds are not awaited. */
  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(() => {
      if (this.#failure) throw this.#failure;
      return task();
    });
    this.#queue = run.catch((error: unknown) => {
      // Half an entry is already out, so the archive is broken: every later write fails too.
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
    });
    return run;
  }

  async #writeEntry(name: string, source: Uint8Array | string | AsyncIterable<Uint8Array>, compress: boolean) {
    const entry: WrittenEntry = { name: Buffer.from(name, "utf8"), method: compress ? methods.deflate : methods.stored, crc: 0, compressedSize: 0, size: 0, offset: this.#offset };
    await this.#write(localHeader(entry.name, entry.method, this.#stamp));
    const dataStart = this.#offset;
    const uncompressed = this.#measured(source, entry);
    if (compress) {
      // zlib deflates on the thread pool, off the event loop, several times faster than JavaScript can.
      await pipeline(uncompressed, createDeflateRaw({ level: 6 }), async (deflated: AsyncIterable<Buffer>) => {
        for await (const chunk of deflated) await this.#write(chunk);
      });
    } else {
      for await (const chunk of uncompressed) await this.#write(chunk);
    }
    entry.compressedSize = this.#offset - dataStart;
    await this.#write(dataDescriptor(entry, this.#always || needsZip64(entry.size) || needsZip64(entry.compressedSize)));
    this.#entries.push(entry);
  }

  /** The source's bytes, counted and checksummed into `entry` as they pass. */
  async *#measured(source: Uint8Array | string | AsyncIterable<Uint8Array>, entry: WrittenEntry): AsyncGenerator<Uint8Array> {
    for await (const chunk of pieces(source)) {
      entry.crc = crc32(chunk, entry.crc);
      entry.size += chunk.byteLength;
      yield chunk;
    }
  }

  async #writeDirectory() {
    const offset = this.#offset;
    let batch: Buffer[] = [];
    let batchBytes = 0;
    for (const entry of this.#entries) {
      const header = centralHeader(entry, this.#stamp, this.#always);
      batch.push(header);
      batchBytes += header.length;
      if (batchBytes < piece) continue;
      await this.#write(Buffer.concat(batch));
      batch = [];
      batchBytes = 0;
    }
    if (batch.length) await this.#write(Buffer.concat(batch));
    const directory = { count: this.#entries.length, size: this.#offset - offset, offset };
    const zip64 = this.#always || directory.count >= zip64Marker16 || needsZip64(directory.size) || needsZip64(directory.offset);
    if (zip64) await this.#write(zip64EndRecords(directory));
    await this.#write(endRecord(directory, zip64));
    this.output.end();
    await finished(this.output, { readable: false });
  }

  async #write(bytes: Uint8Array) {
    if (this.#failure) throw this.#failure;
    if (bytes.byteLength === 0) return;
    this.#offset += bytes.byteLength;
    if (!this.output.write(bytes)) await drained(this.output);
  }
}

const closedEarly = () => new PackageError("The package's destination closed before the package was written.");

/** Resolves when the output wants more, rejects when it fails or closes first. */
function drained(output: Output): Promise<void> {
  // A destroyed stream refuses every write and will never drain; its "close" has already gone by.
  if ((output as { destroyed?: boolean }).destroyed) return Promise.reject(closedEarly());
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off("drain", onDrain);
      output.off("error", onError);
      output.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(closedEarly());
    output.on("drain", onDrain);
    output.on("error", onError);
    output.on("close", onClose);
  });
}

/** A zip writer over `output` (a file, an HTTP response, a PassThrough). */
export function createZipWriter(output: Output, options: ZipWriterOptions = {}): ZipWriter {
  return new ZipWriter(output, options);
}

/**
 * A zip built on demand as an HTTP response body (`new Response(stream)`):
 * `build` adds the entries while the client reads, at the pace it reads. When
 * `build` throws, the stream errors, so the client sees a failed download
 * rather than a truncated archive that looks whole.
 */
export function zipToWebStream(build: (sink: ZipWriter) => Promise<void>, options: ZipWriterOptions = {}): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const writer = createZipWriter(output, options);
  Promise.resolve()
    .then(() => build(writer))
    .then(() => writer.finish())
    .catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
