import { Inflate } from "fflate";
import { importLimits } from "../portable-question";

// Uploaded packages are untrusted. The sizes a zip declares are only claims,
// so entries are inflated a slice at a time and the bytes that actually come
// out are counted: a zip bomb is stopped after at most one slice past the
// limit, not after it has filled the memory. Names are checked before any
// data is read, so a path that tries to climb out of the package (zip slip)
// refuses the whole file.

export interface ZipLimits {
  /** Entries, directories included. */
  entries?: number;
  /** All entries expanded, together. */
  expandedBytes?: number;
  /** One entry expanded. */
  entryBytes?: number;
}

export type ZipReadResult = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; message: string };

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Compressed bytes given to the inflater at once: bounds what one step can expand to (deflate's ratio is at most about 1032:1). */
const slice = 16 * 1024;
const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;

class TooLarge extends Error {}

const notZip = "The file is not a zip package.";

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Why a stored name may not be used as a path inside the package, or null when it may. */
export function unsafeZipPath(name: string): string | null {
  if (name.includes("\u0000")) return "contains a NUL character";
  if (name.includes("\\")) return "contains a backslash";
  if (name.startsWith("/")) return "is an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "starts with a drive letter";
  if (name.split("/").some((part) => part === "..")) return "climbs out of the package (..)";
  return null;
}

/** True when the name may not be used as a path inside the package. */
export const unsafeEntryName = (name: string): boolean => unsafeZipPath(name) !== null;

/** Whether the bytes start like a zip archive (a local file header, or the end record of an empty one). */
export function isZip(data: Uint8Array): boolean {
  return data.byteLength >= 4 && data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 0x03 && data[3] === 0x04) || (data[2] === 0x05 && data[3] === 0x06));
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) if (view.getUint32(at, true) === eocdSignature) return at;
  return -1;
}

/** Reads the central directory: the list of entries with their names, flags and where their data starts. */
function readCentralDirectory(data: Uint8Array, maxEntries: number): CentralEntry[] | string {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 22) return notZip;
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return notZip;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  // ZIP64 archives keep the real count and offset in a record the locator points to.
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === zip64LocatorSignature) {
    const end64 = Number(view.getBigUint64(eocd - 12, true));
    if (end64 + 56 > data.byteLength || view.getUint32(end64, true) !== zip64EndSignature) return "The zip archive's directory is damaged.";
    count = Number(view.getBigUint64(end64 + 32, true));
    offset = Number(view.getBigUint64(end64 + 48, true));
  }
  if (count > maxEntries) return `The package has more than ${maxEntries} files.`;
  const decoder = new TextDecoder("utf-8");
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.byteLength || view.getUint32(offset, true) !== centralSignature) return "The zip archive's directory is damaged.";
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength + extraLength > data.byteLength) return "The zip archive's directory is damaged.";
    let compressedSize = view.getUint32(offset + 20, true);
    let localOffset = view.getUint32(offset + 42, true);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const zip64 = zip64Fields(view, offset + 46 + nameLength, extraLength, { original: view.getUint32(offset + 24, true) === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff });
      if (!zip64) return "The zip archive's directory is damaged.";
      compressedSize = zip64.compressed ?? compressedSize;
      localOffset = zip64.offset ?? localOffset;
    }
    entries.push({
      name: decoder.decode(data.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize,
      localOffset,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The ZIP64 extra field holds, in this order, only the values the fixed fields marked as 0xFFFFFFFF. */
function zip64Fields(view: DataView, start: number, length: number, present: { original: boolean; compressed: boolean; offset: boolean }): { compressed?: number; offset?: number } | null {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const read = () => {
        if (field + 8 > at + 4 + size) return null;
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (present.original && read() === null) return null;
      const compressed = present.compressed ? read() : undefined;
      const offset = present.offset ? read() : undefined;
      if (compressed === null || offset === null) return null;
      return { compressed, offset };
    }
    at += 4 + size;
  }
  return null;
}

/** Expands one entry, counting what comes out against both limits. */
function expand(data: Uint8Array, entry: CentralEntry, budget: { left: number; limit: number }, entryBytes: number): Uint8Array | string {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localOffset;
  if (at + 30 > data.byteLength || view.getUint32(at, true) !== localSignature) return `The entry ${entry.name} is damaged.`;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.byteLength) return `The entry ${entry.name} is damaged (it ends past the end of the file).`;
  const compressed = data.subarray(start, end);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.byteLength;
    if (total > entryBytes) throw new TooLarge(`The entry ${entry.name} expands to more than ${megabytes(entryBytes)}, the most one file in a package may hold.`);
    if (total > budget.left) throw new TooLarge(`The package expands to more than ${megabytes(budget.limit)}, the most an import reads; it may be a zip bomb.`);
    chunks.push(chunk);
  };
  try {
    if (entry.method === 0) {
      take(compressed.slice());
    } else {
      const inflater = new Inflate((chunk) => take(chunk));
      for (let offset = 0; offset < compressed.byteLength; offset += slice) {
        inflater.push(compressed.subarray(offset, offset + slice), offset + slice >= compressed.byteLength);
      }
      if (compressed.byteLength === 0) inflater.push(new Uint8Array(0), true);
    }
  } catch (error) {
    if (error instanceof TooLarge) return error.message;
    return `The entry ${entry.name} could not be expanded; the package is damaged.`;
  }
  budget.left -= total;
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * The files of a zip archive by their path, or why the archive is refused:
 * too many entries, more expanded bytes than allowed, an unsafe path, an
 * encrypted entry, or not a zip at all. Directories are left out. Never throws.
 */
export function readZipSafely(data: Uint8Array, limits: ZipLimits = {}): ZipReadResult {
  const maxEntries = limits.entries ?? importLimits.zipEntries;
  const entryBytes = limits.entryBytes ?? importLimits.fileBytes;
  const expandedBytes = limits.expandedBytes ?? importLimits.expandedBytes;
  const budget = { left: expandedBytes, limit: expandedBytes };
  try {
    const central = readCentralDirectory(data, maxEntries);
    if (typeof central === "string") return { ok: false, message: central };
    for (const entry of central) {
      const unsafe = unsafeZipPath(entry.name);
      if (unsafe) return { ok: false, message: `The package holds a file whose name ${unsafe}, so it points outside it (${JSON.stringify(entry.name.replace(/\u0000/g, "\\0"))}); the package is refused.` };
      if (entry.flags & 0x0001) return { ok: false, message: `The entry ${entry.name} is encrypted; export the package again without a password.` };
      if (!entry.name.endsWith("/") && entry.method !== 0 && entry.method !== 8) return { ok: false, message: `The entry ${entry.name} uses a compression method (${entry.method}) that is not supported; use ordinary (deflate) zip.` };
    }
    const entries = new Map<string, Uint8Array>();
    for (const entry of central) {
      if (entry.name.endsWith("/")) continue;
      if (entries.has(entry.name)) return { ok: false, message: `The package holds ${entry.name} twice.` };
      const content = expand(data, entry, budget, entryBytes);
      if (typeof content === "string") return { ok: false, message: content };
      entries.set(entry.name, content);
    }
    return { ok: true, entries };
  } catch {
    // Offsets read from a damaged archive can point anywhere; DataView throws a RangeError then.
    return { ok: false, message: "The zip archive is damaged." };
  }
}
