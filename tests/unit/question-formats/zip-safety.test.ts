import { Zip, ZipPassThrough, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isZip, readZipSafely, unsafeEntryName, unsafeZipPath } from "@/lib/question-formats/zip/read-zip-safely";

const MB = 1024 * 1024;

/**
 * A raw deflate stream of about `megabytes` MB of zeros, written by hand so the
 * test needs neither the memory nor the seconds to compress 200 MB: fixed
 * Huffman blocks of length-258/distance-1 matches, each block a whole number
 * of bytes so that one block's bytes can simply be repeated.
 */
function zeroDeflateStream(megabytes: number): Uint8Array {
  const bits: number[] = [];
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  const match = () => {
    code(0b11000101, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  };
  const toBytes = () => {
    const out = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => (out[i >> 3]! |= bit << (i & 7)));
    bits.length = 0;
    return out;
  };
  // First block: one literal zero, then 6 matches: 3 + 8 + 78 + 7 = 96 bits.
  put(0, 1);
  put(1, 2);
  code(0b00110000, 8);
  for (let i = 0; i < 6; i++) match();
  code(0, 7);
  const first = toBytes();
  // A middle block: 3 + 4094 × 13 + 7 bits = 6654 bytes giving 4094 × 258 bytes.
  put(0, 1);
  put(1, 2);
  for (let i = 0; i < 4094; i++) match();
  code(0, 7);
  const middle = toBytes();
  put(1, 1);
  put(1, 2);
  code(0, 7);
  const last = toBytes();
  const count = Math.ceil((megabytes * MB) / (4094 * 258));
  const stream = new Uint8Array(first.length + middle.length * count + last.length);
  stream.set(first, 0);
  for (let i = 0; i < count; i++) stream.set(middle, first.length + i * middle.length);
  stream.set(last, first.length + count * middle.length);
  return stream;
}

/**
 * A zip whose one entry holds `compressed` as deflate data: zipSync stores the
 * bytes, then the method fields are changed to deflate. The directory then
 * claims the entry is as small as its compressed data, as a bomb's would.
 */
function zipWithDeflateData(name: string, compressed: Uint8Array): Uint8Array {
  const zip = zipSync({ [name]: [compressed, { level: 0 }] });
  return patchAll(zip, [
    [0x04034b50, 8, 8],
    [0x02014b50, 10, 8],
  ]);
}

/** Sets a 16-bit field at `offset` from every record with the given signature. */
function patchAll(zip: Uint8Array, patches: [signature: number, offset: number, value: number][]): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at++) {
    for (const [signature, offset, value] of patches) if (view.getUint32(at, true) === signature) view.setUint16(at + offset, value, true);
  }
  return copy;
}

describe("readZipSafely", () => {
  it("reads an ordinary package, stored and deflated entries alike, leaving directories out", () => {
    const result = readZipSafely(
      zipSync({
        "imsmanifest.xml": strToU8("<manifest/>"),
        "items/": {},
        "items/a.xml": [strToU8("<a/>".repeat(100)), { level: 9 }],
        "items/media/b.png": [new Uint8Array([1, 2, 3]), { level: 0 }],
        "empty.txt": new Uint8Array(0),
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.entries.keys()]).toEqual(["imsmanifest.xml", "items/a.xml", "items/media/b.png", "empty.txt"]);
    expect(new TextDecoder().decode(result.entries.get("items/a.xml"))).toBe("<a/>".repeat(100));
    expect([...result.entries.get("items/media/b.png")!]).toEqual([1, 2, 3]);
    expect(result.entries.get("empty.txt")!.length).toBe(0);
  });

  it("reads names in UTF-8", () => {
    const result = readZipSafely(zipSync({ "médias/图.png": new Uint8Array([7]) }));
    expect(result.ok && [...result.entries.keys()]).toEqual(["médias/图.png"]);
  });

  it("stops a 200 MB zip bomb while it inflates, though its directory claims 1 MB", () => {
    const compressed = zeroDeflateStream(200);
    expect(compressed.length).toBeLessThan(1.5 * MB);
    const bomb = zipWithDeflateData("bomb.bin", compressed);
    // Speed is for the benchmarks: a backtracking regression shows here as a test that never ends.
    // With the defaults the one entry passes the per-file limit first.
    expect(readZipSafely(bomb)).toEqual({ ok: false, message: expect.stringContaining("bomb.bin expands to more than 20 MB") });
    // With no per-file limit the total stops it (30 MB here, to keep the test light), far short of 200.
    expect(readZipSafely(bomb, { entryBytes: Infinity, expandedBytes: 30 * MB })).toEqual({ ok: false, message: expect.stringContaining("expands to more than 30 MB") });
  });

  it("the hand-made deflate stream is real: a small one expands to its zeros", () => {
    const result = readZipSafely(zipWithDeflateData("zeros.bin", zeroDeflateStream(2)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.entries.get("zeros.bin")!;
    expect(data.length).toBeGreaterThan(2 * MB);
    expect(data.every((byte) => byte === 0)).toBe(true);
  });

  it("counts the total over all entries, not only each one", () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`part${i}.bin`, [new Uint8Array(MB), { level: 1 }] as [Uint8Array, { level: 1 }]]));
    expect(readZipSafely(zipSync(files), { expandedBytes: 10 * MB })).toEqual({ ok: false, message: expect.stringContaining("expands to more than 10 MB") });
    expect(readZipSafely(zipSync(files), { expandedBytes: 13 * MB }).ok).toBe(true);
  });

  it("refuses a single entry over the per-file limit", () => {
    expect(readZipSafely(zipSync({ "big.xml": new Uint8Array(3 * MB) }), { entryBytes: 2 * MB })).toEqual({ ok: false, message: expect.stringContaining("big.xml expands to more than 2 MB") });
  });

  it("refuses more entries than the limit, before expanding any", () => {
    const many = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`f${i}.txt`, new Uint8Array([i & 255])]));
    expect(readZipSafely(zipSync(many))).toEqual({ ok: false, message: "The package has more than 5000 files." });
    expect(readZipSafely(zipSync(Object.fromEntries(Object.entries(many).slice(0, 30))), { entries: 20 })).toEqual({ ok: false, message: "The package has more than 20 files." });
    expect(readZipSafely(zipSync(Object.fromEntries(Object.entries(many).slice(0, 20))), { entries: 20 }).ok).toBe(true);
  });

  it.each(["../evil.xml", "items/../../evil.xml", "/etc/passwd", "C:/Windows/evil.xml", "c:evil.xml", "items\\evil.xml", "items/evil\u0000.xml"])("refuses the path %j", (name) => {
    const result = readZipSafely(zipSync({ "ok.xml": strToU8("<a/>"), [name]: strToU8("x") }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("points outside it") });
  });

  it("names what is wrong with a path, and allows dots inside names", () => {
    expect(unsafeZipPath("a/../b")).toContain("..");
    expect(unsafeZipPath("/a")).toContain("absolute");
    expect(unsafeZipPath("D:/a")).toContain("drive letter");
    expect(unsafeZipPath("a\\b")).toContain("backslash");
    expect(unsafeZipPath("a\u0000")).toContain("NUL");
    for (const name of ["items/a.xml", "a..b.xml", "media/x.png", "./a.xml", ".hidden/x"]) expect(unsafeEntryName(name)).toBe(false);
  });

  it("refuses encrypted entries", () => {
    const zip = zipSync({ "secret.xml": strToU8("<a/>") });
    const encrypted = patchAll(zip, [
      [0x04034b50, 6, 1],
      [0x02014b50, 8, 1],
    ]);
    expect(readZipSafely(encrypted)).toEqual({ ok: false, message: expect.stringContaining("secret.xml is encrypted") });
  });

  it("refuses compression methods other than stored and deflate", () => {
    const bzip2 = patchAll(zipSync({ "a.xml": strToU8("<a/>") }, { level: 0 }), [[0x02014b50, 10, 12]]);
    expect(readZipSafely(bzip2)).toEqual({ ok: false, message: expect.stringContaining("compression method (12)") });
  });

  it("refuses a name given twice", () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    for (const content of ["one", "two"]) {
      const file = new ZipPassThrough("a.xml");
      zip.add(file);
      file.push(strToU8(content), true);
    }
    zip.end();
    const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    parts.reduce((offset, part) => (data.set(part, offset), offset + part.length), 0);
    expect(readZipSafely(data)).toEqual({ ok: false, message: "The package holds a.xml twice." });
  });

  it("answers, never throws, on what is not a zip or is damaged", () => {
    const notZip = { ok: false, message: "The file is not a zip package." };
    expect(readZipSafely(new Uint8Array(0))).toEqual(notZip);
    expect(readZipSafely(strToU8("not a zip"))).toEqual(notZip);
    expect(readZipSafely(strToU8("<?xml version='1.0'?><assessmentItem/>".repeat(20)))).toEqual(notZip);
    const zip = zipSync({ "a.xml": new Uint8Array(5000).fill(65) });
    for (let cut = 0; cut < zip.length; cut += 7) expect(() => readZipSafely(zip.slice(0, cut))).not.toThrow();
    expect(readZipSafely(zip.slice(0, zip.length - 10)).ok).toBe(false);
    // Every single byte changed in turn: still an answer each time.
    const small = zipSync({ "a.xml": strToU8("<a>hello</a>"), "b/c.png": new Uint8Array([1, 2, 3]) });
    for (let at = 0; at < small.length; at++) {
      const damaged = small.slice();
      damaged[at] = damaged[at]! ^ 0xff;
      expect(() => readZipSafely(damaged)).not.toThrow();
    }
    // A deflate stream that is not one.
    expect(readZipSafely(zipWithDeflateData("bad.bin", new Uint8Array([0xff, 0xff, 0xff, 0xff])))).toEqual({ ok: false, message: expect.stringContaining("bad.bin could not be expanded") });
  });

  it("recognises a zip by its first bytes", () => {
    expect(isZip(zipSync({ "a.txt": new Uint8Array([1]) }))).toBe(true);
    expect(isZip(zipSync({}))).toBe(true);
    expect(isZip(strToU8("<?xml"))).toBe(false);
    expect(isZip(new Uint8Array(0))).toBe(false);
  });
});
