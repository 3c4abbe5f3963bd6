import zlib from "node:zlib";

// What the zip reader and writer agree on: the record signatures of the zip
// format (PKWARE APPNOTE 6.3) and its checksum.

export const signatures = {
  local: 0x04034b50,
  central: 0x02014b50,
  dataDescriptor: 0x08074b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

/** A 32-bit size or offset field holding this says the real value is in the ZIP64 extra field. */
export const zip64Marker32 = 0xffffffff;
/** A 16-bit entry count holding this says the real count is in the ZIP64 end record. */
export const zip64Marker16 = 0xffff;
export const zip64ExtraId = 0x0001;

export const flags = { encrypted: 0x0001, dataDescriptor: 0x0008, utf8Name: 0x0800 } as const;
export const methods = { stored: 0, deflate: 8 } as const;

let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  return table;
}

/** CRC-32 (the zip and gzip one) in plain JavaScript, continuing from `previous`. */
export function crc32Portable(data: Uint8Array, previous = 0): number {
  const lookup = crcTable();
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = lookup[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

// zlib.crc32 only arrived in Node 20.15 and the app still runs on 20.9, so the
// typings promise a function that older releases do not have.
const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined = zlib.crc32;

/** CRC-32 of `data`, continuing from `previous` so a stream can be checked a chunk at a time. */
export function crc32(data: Uint8Array, previous = 0): number {
  return nativeCrc32 ? nativeCrc32(data, previous) : crc32Portable(data, previous);
}

/** A size for a message, in the largest unit it fills: GB, MB, KB or bytes. */
export function formatBytes(bytes: number): string {
  const units: [string, number][] = [["GB", 1024 ** 3], ["MB", 1024 ** 2], ["KB", 1024]];
  for (const [unit, scale] of units) if (bytes >= scale) return `${Math.round((bytes / scale) * 10) / 10} ${unit}`;
  return `${bytes} bytes`;
}
