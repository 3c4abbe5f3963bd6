import type { FileHandle } from "node:fs/promises";
import { unsafeZipPath } from "@/lib/question-formats/zip/read-zip-safely";
import { flags, formatBytes, methods, signatures, zip64ExtraId, zip64Marker16, zip64Marker32 } from "./zip-format";

// The central directory at the end of a zip lists every entry: its name, how
// it is compressed and where its data starts. It is read with random access,
// so a package of many gigabytes is opened by reading a few kilobytes, and
// every name is checked before a single byte of data is expanded.

export interface ZipDirectoryEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** Expanded size, as the archive declares it: a claim the reader checks as it expands. */
  size: number;
  localOffset: number;
}

export interface ZipEntryLimits {
  entries: number;
  entryBytes: number;
}

const endRecordBytes = 22;
const maxCommentBytes = 0xffff;
const locatorBytes = 20;
const zip64EndBytes = 56;
const centralHeaderBytes = 46;
/** A real directory is about 100 bytes an entry; one far larger is damaged or hostile, and is not read into memory. */
const maxDirectoryBytes = 64 * 1024 * 1024;

export const notZip = "The file is not a zip package.";
export const damagedDirectory = "The zip archive's directory is damaged.";
const incomplete = "The zip archive is incomplete (its directory at the end is missing); it may not have finished uploading.";

/** Up to `length` bytes at `position`; fewer only when the file ends first. */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  // Not from Buffer's shared pool: these bytes are handed on, and a pooled slice's `.buffer` shows other data.
  const buffer = Buffer.allocUnsafeSlow(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

interface DirectoryLocation {
  count: number;
  size: number;
  offset: number;
}

/** The end record: the last signature in the tail whose comment fits in the file. */
function findEndRecord(tail: Buffer): number {
  const lowest = Math.max(0, tail.length - endRecordBytes - maxCommentBytes);
  for (let at = tail.length - endRecordBytes; at >= lowest; at--) {
    if (tail.readUInt32LE(at) === signatures.end && at + endRecordBytes + tail.readUInt16LE(at + 20) <= tail.length) return at;
  }
  return -1;
}

/** Where the directory is and how many entries it has, from the end record or, for ZIP64 archives, the record its locator points to. */
async function locateDirectory(file: FileHandle, fileSize: number): Promise<DirectoryLocation | string> {
  if (fileSize < endRecordBytes) return notZip;
  const tailStart = Math.max(0, fileSize - endRecordBytes - maxCommentBytes - locatorBytes);
  const tail = await readAt(file, tailStart, fileSize - tailStart);
  const end = findEndRecord(tail);
  if (end < 0) return (await startsLikeZip(file)) ? incomplete : notZip;
  const location = { count: tail.readUInt16LE(end + 10), size: tail.readUInt32LE(end + 12), offset: tail.readUInt32LE(end + 16) };
  const marked = location.count === zip64Marker16 || location.size === zip64Marker32 || location.offset === zip64Marker32;
  const locator = end - locatorBytes;
  if (!marked || locator < 0 || tail.readUInt32LE(locator) !== signatures.zip64Locator) return location;
  const zip64EndOffset = Number(tail.readBigUInt64LE(locator + 8));
  if (zip64EndOffset + zip64EndBytes > fileSize) return damagedDirectory;
  const record = await readAt(file, zip64EndOffset, zip64EndBytes);
  if (record.length < zip64EndBytes || record.readUInt32LE(0) !== signatures.zip64End) return damagedDirectory;
  return { count: Number(record.readBigUInt64LE(32)), size: Number(record.readBigUInt64LE(40)), offset: Number(record.readBigUInt64LE(48)) };
}

async function startsLikeZip(file: FileHandle): Promise<boolean> {
  const head = await readAt(file, 0, 4);
  return head.length === 4 && head.readUInt32LE(0) === signatures.local;
}

/** The ZIP64 extra field holds, in this order, only the values whose fixed field is marked. */
function applyZip64Extra(entry: ZipDirectoryEntry, extra: Buffer): boolean {
  const wants = { size: entry.size === zip64Marker32, compressed: entry.compressedSize === zip64Marker32, offset: entry.localOffset === zip64Marker32 };
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== zip64ExtraId) continue;
    const end = Math.min(extra.length, at + 4 + extra.readUInt16LE(at + 2));
    let field = at + 4;
    const next = () => {
      if (field + 8 > end) return null;
      field += 8;
      return Number(extra.readBigUInt64LE(field - 8));
    };
    const size = wants.size ? next() : entry.size;
    const compressed = wants.compressed ? next() : entry.compressedSize;
    const offset = wants.offset ? next() : entry.localOffset;
    if (size === null || compressed === null || offset === null) return false;
    Object.assign(entry, { size, compressedSize: compressed, localOffset: offset });
    return true;
  }
  return false;
}

/** One central directory header at `at`, and where the next one starts; a string when it is damaged. */
function parseCentralHeader(directory: Buffer, at: number, decoder: TextDecoder): { entry: ZipDirectoryEntry; next: number } | string {
  if (at + centralHeaderBytes > directory.length || directory.readUInt32LE(at) !== signatures.central) return damagedDirectory;
  const nameLength = directory.readUInt16LE(at + 28);
  const extraLength = directory.readUInt16LE(at + 30);
  const next = at + centralHeaderBytes + nameLength + extraLength + directory.readUInt16LE(at + 32);
  if (next > directory.length) return damagedDirectory;
  const nameEnd = at + centralHeaderBytes + nameLength;
  const entry: ZipDirectoryEntry = {
    name: decoder.decode(directory.subarray(at + centralHeaderBytes, nameEnd)),
    flags: directory.readUInt16LE(at + 8),
    method: directory.readUInt16LE(at + 10),
    crc: directory.readUInt32LE(at + 16),
    compressedSize: directory.readUInt32LE(at + 20),
    size: directory.readUInt32LE(at + 24),
    localOffset: directory.readUInt32LE(at + 42),
  };
  const marked = entry.size === zip64Marker32 || entry.compressedSize === zip64Marker32 || entry.localOffset === zip64Marker32;
  if (marked && !applyZip64Extra(entry, directory.subarray(nameEnd, nameEnd + extraLength))) return damagedDirectory;
  return { entry, next };
}

/** Every entry the archive lists, directories included, or why the archive cannot be read. */
export async function readZipDirectory(file: FileHandle, fileSize: number, maxEntries: number): Promise<ZipDirectoryEntry[] | string> {
  const location = await locateDirectory(file, fileSize);
  if (typeof location === "string") return location;
  if (location.count > maxEntries) return `The package has more than ${maxEntries} files.`;
  if (location.offset + location.size > fileSize || location.size < location.count * centralHeaderBytes) return damagedDirectory;
  if (location.size > maxDirectoryBytes) return "The zip archive's directory is larger than any package needs; the package is refused.";
  const directory = await readAt(file, location.offset, location.size);
  if (directory.length < location.size) return damagedDirectory;
  const decoder = new TextDecoder("utf-8");
  const entries: ZipDirectoryEntry[] = [];
  for (let i = 0, at = 0; i < location.count; i++) {
    const parsed = parseCentralHeader(directory, at, decoder);
    if (typeof parsed === "string") return parsed;
    if (parsed.entry.localOffset + 30 + parsed.entry.compressedSize > fileSize) return `The entry ${parsed.entry.name} is damaged (it ends past the end of the file).`;
    entries.push(parsed.entry);
    at = parsed.next;
  }
  return entries;
}

export const isDirectory = (entry: ZipDirectoryEntry) => entry.name.endsWith("/");

/** Why the listed entries refuse the package, or null when every one may be read. */
export function refuseEntries(entries: ZipDirectoryEntry[], limits: ZipEntryLimits): string | null {
  const seen = new Set<string>();
  for (const entry of entries) {
    const unsafe = unsafeZipPath(entry.name);
    if (unsafe) return `The package holds a file whose name ${unsafe}, so it points outside it (${JSON.stringify(entry.name.replace(/\u0000/g, "\\0"))}); the package is refused.`;
    if (entry.flags & flags.encrypted) return `The entry ${entry.name} is encrypted; export the package again without a password.`;
    if (isDirectory(entry)) continue;
    if (entry.method !== methods.stored && entry.method !== methods.deflate) return `The entry ${entry.name} uses a compression method (${entry.method}) that is not supported; use ordinary (deflate) zip.`;
    if (seen.has(entry.name)) return `The package holds ${entry.name} twice.`;
    seen.add(entry.name);
    if (entry.size > limits.entryBytes) return tooLargeEntry(entry.name, limits.entryBytes);
  }
  return null;
}

export const tooLargeEntry = (name: string, entryBytes: number) => `The entry ${name} expands to more than ${formatBytes(entryBytes)}, the most one file in a package may hold.`;
export const tooLargePackage = (expandedBytes: number) => `The package expands to more than ${formatBytes(expandedBytes)}, the most an import reads; it may be a zip bomb.`;
