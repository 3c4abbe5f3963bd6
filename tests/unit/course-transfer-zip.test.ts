import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import zlib from "node:zlib";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PackageError } from "@/lib/course-transfer/package-io";
import { createZipWriter, zipToWebStream, type ZipWriter, type ZipWriterOptions } from "@/lib/course-transfer/zip/zip-file-sink";
import { cartridgeZipLimits, openZipFile, type ZipFileLimits, type ZipFileSource } from "@/lib/course-transfer/zip/zip-file-source";
import { crc32, crc32Portable } from "@/lib/course-transfer/zip/zip-format";
import { readZipSafely } from "@/lib/question-formats/zip/read-zip-safely";

const MiB = 1024 * 1024;
const hasTool = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const python = hasTool("python3", ["-c", "import zipfile"]);
const unzip = hasTool("unzip", ["-v"]);

let dir: string;
let counter = 0;
const tmpPath = (name = "archive.zip") => path.join(dir, `${counter++}-${name}`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "course-transfer-zip-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeZip(build: (sink: ZipWriter) => Promise<void>, options?: ZipWriterOptions): Promise<string> {
  const file = tmpPath();
  const writer = createZipWriter(fs.createWriteStream(file), options);
  await build(writer);
  await writer.finish();
  return file;
}

function saveBytes(bytes: Uint8Array, name?: string): string {
  const file = tmpPath(name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function openOk(file: string, limits?: ZipFileLimits): Promise<ZipFileSource> {
  const opened = await openZipFile(file, limits);
  if (!opened.ok) throw new Error(`expected the archive to open, got: ${opened.message}`);
  return opened.source;
}

async function refusal(file: string, limits?: ZipFileLimits): Promise<string> {
  const opened = await openZipFile(file, limits);
  if (opened.ok) {
    await opened.source.close();
    throw new Error("expected the archive to be refused");
  }
  return opened.message;
}

async function withSource<T>(file: string, read: (source: ZipFileSource) => Promise<T>, limits?: ZipFileLimits): Promise<T> {
  const source = await openOk(file, limits);
  try {
    return await read(source);
  } finally {
    await source.close();
  }
}

/** Reads an entry to the end, returning how many bytes came out and the error that stopped it, if any. */
async function drain(stream: AsyncIterable<Uint8Array>): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of stream) bytes += chunk.byteLength;
    return { bytes, error: null };
  } catch (error) {
    return { bytes, error };
  }
}

/** Deterministic incompressible bytes, produced a chunk at a time so the test never holds them whole. */
async function* noise(totalBytes: number, seed: number): AsyncGenerator<Uint8Array> {
  let state = seed;
  for (let done = 0; done < totalBytes; done += MiB) {
    const words = new Uint32Array(Math.min(MiB, totalBytes - done) / 4);
    for (let i = 0; i < words.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words[i] = state >>> 0;
    }
    yield new Uint8Array(words.buffer);
  }
}

async function sha256(stream: AsyncIterable<Uint8Array>): Promise<string> {
  return (await digest(stream)).hash;
}

async function digest(stream: AsyncIterable<Uint8Array>): Promise<{ hash: string; largestChunk: number }> {
  const hash = createHash("sha256");
  let largestChunk = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    largestChunk = Math.max(largestChunk, chunk.byteLength);
  }
  return { hash: hash.digest("hex"), largestChunk };
}

interface CraftedEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated for method 8). */
  data: Uint8Array;
  method?: number;
  flags?: number;
  /** Overrides for what the directory claims. */
  crc?: number;
  size?: number;
  compressedSize?: number;
}

/** A zip assembled by hand, so the test can make the directory say what an attacker would. */
function craftZip(entries: CraftedEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(entry.flags ?? 0, at + 2);
      header.writeUInt16LE(entry.method ?? 0, at + 4);
      header.writeUInt32LE(entry.crc ?? crc32(entry.data), at + 10);
      header.writeUInt32LE(entry.compressedSize ?? entry.data.length, at + 14);
      header.writeUInt32LE(entry.size ?? entry.data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    fields(header, 6);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(entry.data));
    central.push(header, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Deflated zeros, `mebibytes` MiB of them, without ever holding them: one MiB
 * deflated with a full flush (which resets the compressor) can be repeated,
 * then an empty final stored block ends the stream.
 */
function zeroBomb(mebibytes: number): { data: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(MiB);
  const block = zlib.deflateRawSync(zeros, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(zeros, crc);
  const data = Buffer.concat([...Array.from({ length: mebibytes }, () => block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
  return { data, crc, size: mebibytes * MiB };
}

function runPython(script: string, ...args: string[]): string {
  const run = spawnSync("python3", ["-c", script, ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return run.stdout.trim();
}

const pythonTestZip = (file: string) => runPython("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.infolist()))", file);

function unzipTest(file: string) {
  const run = spawnSync("unzip", ["-tqq", file], { encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe("zip writer and reader round trip", () => {
  it("gives back text, binary and empty entries, stored or deflated, under their UTF-8 names", async () => {
    const binary = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);
    const text = "Lecture notes: ünïcødé ✓\n".repeat(500);
    const file = await writeZip(async (sink) => {
      await sink.add("notes/ünïcødé.txt", text);
      await sink.add("media/data.bin", binary, { compress: false });
      await sink.add("empty-deflated.txt", "");
      await sink.add("empty-stored.txt", new Uint8Array(0), { compress: false });
      await sink.add(
        "streamed.txt",
        (async function* () {
          yield strToU8("first ");
          yield strToU8("second");
        })(),
      );
    });

    const methods = new Map<string, number>();
    unzipSync(fs.readFileSync(file), { filter: (info) => (methods.set(info.name, info.compression), false) });
    expect(methods).toEqual(
      new Map([
        ["notes/ünïcødé.txt", 8],
        ["media/data.bin", 0],
        ["empty-deflated.txt", 8],
        ["empty-stored.txt", 0],
        ["streamed.txt", 8],
      ]),
    );

    await withSource(file, async (source) => {
      expect(source.names()).toEqual(["notes/ünïcødé.txt", "media/data.bin", "empty-deflated.txt", "empty-stored.txt", "streamed.txt"]);
      expect(new TextDecoder().decode(await source.readBytes("notes/ünïcødé.txt", MiB))).toBe(text);
      expect(await source.readBytes("media/data.bin", MiB)).toEqual(binary);
      expect(source.sizeOf("media/data.bin")).toBe(100_000);
      expect((await source.readBytes("empty-deflated.txt", 10)).byteLength).toBe(0);
      expect((await source.readBytes("empty-stored.txt", 10)).byteLength).toBe(0);
      expect(new TextDecoder().decode(await source.readBytes("streamed.txt", 100))).toBe("first second");
      expect(source.has("missing.txt")).toBe(false);
      expect(source.sizeOf("missing.txt")).toBeNull();
    });
  });

  it("streams a 20 MB incompressible entry both stored and deflated, byte for byte", async () => {
    const size = 20 * MiB;
    const file = await writeZip(async (sink) => {
      await sink.add("lecture.mp4", noise(size, 0x1234), { compress: false });
      await sink.add("lecture-deflated.bin", noise(size, 0x1234));
    });
    const expected = await sha256(noise(size, 0x1234));
    // Stored data is written as it is; deflating noise cannot shrink it either.
    expect(fs.statSync(file).size).toBeGreaterThan(2 * size);
    await withSource(file, async (source) => {
      expect(source.sizeOf("lecture.mp4")).toBe(size);
      // Both come out a slice at a time, never as one buffer of the whole entry.
      expect(await digest(source.stream("lecture.mp4"))).toEqual({ hash: expected, largestChunk: 64 * 1024 });
      const deflated = await digest(source.stream("lecture-deflated.bin"));
      expect(deflated.hash).toBe(expected);
      expect(deflated.largestChunk).toBeLessThanOrEqual(MiB);
    });
  });

  it("deflates compressible entries", async () => {
    const file = await writeZip((sink) => sink.add("page.html", "<p>same words again</p>\n".repeat(40_000)));
    expect(fs.statSync(file).size).toBeLessThan(40_000);
  });

  it.runIf(python || unzip)("writes archives Python's zipfile and Info-ZIP unzip accept", async () => {
    const file = await writeZip(async (sink) => {
      await sink.add("course.json", JSON.stringify({ title: "Algebra" }));
      await sink.add("files/ünï.bin", noise(MiB, 7), { compress: false });
      await sink.add("empty.txt", "");
    });
    if (python) expect(pythonTestZip(file)).toBe("None 3");
    if (unzip) expect(unzipTest(file).status).toBe(0);
  });

  it("waits for a slow output to drain instead of buffering the whole archive", async () => {
    const chunks: Buffer[] = [];
    let mostBuffered = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        mostBuffered = Math.max(mostBuffered, this.writableLength);
        chunks.push(chunk);
        setImmediate(callback);
      },
    });
    const writer = createZipWriter(slow);
    await writer.add("big.bin", noise(8 * MiB, 99), { compress: false });
    await writer.finish();
    expect(mostBuffered).toBeLessThan(256 * 1024);
    await withSource(saveBytes(Buffer.concat(chunks)), async (source) => {
      expect(await sha256(source.stream("big.bin"))).toBe(await sha256(noise(8 * MiB, 99)));
    });
  });

  it("writes entries in the order they were added even when the adds are not awaited one by one", async () => {
    const file = await writeZip(async (sink) => {
      await Promise.all([sink.add("a.txt", noise(MiB, 1)), sink.add("b.txt", "b"), sink.add("c.txt", "c")]);
    });
    await withSource(file, async (source) => expect(source.names()).toEqual(["a.txt", "b.txt", "c.txt"]));
  });

  it("refuses names that would be unsafe or ambiguous, duplicates, and adds after finishing", async () => {
    const writer = createZipWriter(fs.createWriteStream(tmpPath()));
    for (const name of ["../x", "/abs", "C:x", "a\\b", "folder/", ""]) await expect(writer.add(name, "x")).rejects.toBeInstanceOf(PackageError);
    await writer.add("a.txt", "x");
    await expect(writer.add("a.txt", "y")).rejects.toThrow("The package already has a.txt.");
    await writer.finish();
    await expect(writer.add("late.txt", "x")).rejects.toThrow("already finished");
  });

  it("fails the entry, and the ones after it, when its source fails half way", async () => {
    const output = fs.createWriteStream(tmpPath());
    const writer = createZipWriter(output);
    const failing = (async function* () {
      yield strToU8("part");
      throw new Error("disk gone");
    })();
    await expect(writer.add("a.txt", failing)).rejects.toThrow("disk gone");
    await expect(writer.add("b.txt", "b")).rejects.toThrow("disk gone");
    await expect(writer.finish()).rejects.toThrow("disk gone");
    output.destroy();
  });
});

describe("zipToWebStream", () => {
  async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    return Buffer.concat(chunks);
  }

  it("streams a whole archive for an HTTP response", async () => {
    const stream = zipToWebStream(async (sink) => {
      await sink.add("course.json", '{"title":"Algebra"}');
      await sink.add("video.mp4", noise(2 * MiB, 5), { compress: false });
    });
    const file = saveBytes(await collect(stream));
    await withSource(file, async (source) => {
      expect(new TextDecoder().decode(await source.readBytes("course.json", 100))).toBe('{"title":"Algebra"}');
      expect(await sha256(source.stream("video.mp4"))).toBe(await sha256(noise(2 * MiB, 5)));
    });
  });

  it("stops building, and stops reading the entry's source, when the client goes away", async () => {
    let chunksMade = 0;
    let buildError: unknown = null;
    async function* counted() {
      for await (const chunk of noise(50 * MiB, 8)) {
        chunksMade++;
        yield chunk;
      }
    }
    const stream = zipToWebStream(async (sink) => {
      try {
        await sink.add("big.bin", counted(), { compress: false });
      } catch (error) {
        buildError = error;
        throw error;
      }
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(buildError).toBeInstanceOf(Error));
    expect(chunksMade).toBeLessThan(10);
  });

  it("errors the stream when the build fails, rather than ending a truncated archive", async () => {
    const stream = zipToWebStream(async (sink) => {
      await sink.add("course.json", "{}");
      throw new Error("the database went away");
    });
    await expect(collect(stream)).rejects.toThrow("the database went away");
  });
});

describe("reading archives made elsewhere", () => {
  it("reads fflate's zipSync archives as the in-memory reader does", async () => {
    const bytes = zipSync({
      "imsmanifest.xml": [strToU8("<manifest/>"), { level: 9 }],
      "web/page.html": [strToU8("<p>hello</p>".repeat(100)), { level: 6 }],
      "web/raw.bin": [new Uint8Array([0, 1, 2, 255]), { level: 0 }],
      "web/empty/": new Uint8Array(0),
    });
    const inMemory = readZipSafely(bytes);
    if (!inMemory.ok) throw new Error(inMemory.message);
    await withSource(saveBytes(bytes), async (source) => {
      expect(source.names().sort()).toEqual([...inMemory.entries.keys()].sort());
      for (const [name, content] of inMemory.entries) expect(await source.readBytes(name, MiB)).toEqual(content);
    });
  });

  it.runIf(python)("reads archives written by Python's zipfile, ZIP64 entries included", async () => {
    const file = tmpPath();
    runPython(
      [
        "import sys, zipfile",
        "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:",
        "    z.writestr('a.txt', 'alpha ' * 1000)",
        "    z.writestr('stored.bin', bytes(range(256)), compress_type=zipfile.ZIP_STORED)",
        "    z.writestr('folder/', '')",
        "    with z.open('big.txt', 'w', force_zip64=True) as entry: entry.write(b'zip64 ' * 5000)",
      ].join("\n"),
      file,
    );
    await withSource(file, async (source) => {
      expect(source.names()).toEqual(["a.txt", "stored.bin", "big.txt"]);
      expect(new TextDecoder().decode(await source.readBytes("a.txt", MiB))).toBe("alpha ".repeat(1000));
      expect(await source.readBytes("stored.bin", MiB)).toEqual(new Uint8Array(256).map((_, i) => i));
      expect(new TextDecoder().decode(await source.readBytes("big.txt", MiB))).toBe("zip64 ".repeat(5000));
    });
  });
});

describe("ZIP64", () => {
  it("writes and reads more than 65,535 entries through the ZIP64 end records", async () => {
    const count = 65_540;
    const file = await writeZip(async (sink) => {
      for (let i = 0; i < count; i++) await sink.add(`e/${i}`, "", { compress: false });
    });
    const tail = fs.readFileSync(file).subarray(-98);
    expect(tail.readUInt32LE(0)).toBe(0x06064b50);
    expect(tail.readUInt16LE(76 + 10)).toBe(0xffff);
    await expect(refusal(file)).resolves.toBe(`The package has more than ${cartridgeZipLimits.entries} files.`);
    await withSource(
      file,
      async (source) => {
        expect(source.names()).toHaveLength(count);
        expect(source.has(`e/${count - 1}`)).toBe(true);
      },
      { entries: 70_000 },
    );
    // testzip would open all 65,540 entries; the count and the last entry show Python found the ZIP64 records.
    if (python) expect(runPython("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(len(z.infolist()), z.infolist()[-1].filename, z.read(z.infolist()[-1]))", file)).toBe(`${count} e/${count - 1} b''`);
    if (unzip) expect(unzipTest(file).status).toBe(0);
  });

  it("writes every field in ZIP64 form on request, as for an archive over 4 GB, and reads it back", async () => {
    const file = await writeZip(
      async (sink) => {
        await sink.add("a.txt", "alpha ".repeat(1000));
        await sink.add("b.bin", noise(MiB, 3), { compress: false });
      },
      { zip64: "always" },
    );
    const bytes = fs.readFileSync(file);
    // Every fixed size and offset field says "see the ZIP64 field", so a reader that ignored it would fail.
    expect(bytes.readUInt32LE(bytes.length - 22 + 16)).toBe(0xffffffff);
    await withSource(file, async (source) => {
      expect(new TextDecoder().decode(await source.readBytes("a.txt", MiB))).toBe("alpha ".repeat(1000));
      expect(await sha256(source.stream("b.bin"))).toBe(await sha256(noise(MiB, 3)));
    });
    if (python) expect(pythonTestZip(file)).toBe("None 2");
    if (unzip) expect(unzipTest(file).status).toBe(0);
  });
});

describe("refusing unsafe and damaged archives", () => {
  it.each([
    ["../x", "climbs out of the package"],
    ["a/../../x", "climbs out of the package"],
    ["/abs", "is an absolute path"],
    ["C:x", "starts with a drive letter"],
    ["a\\b", "contains a backslash"],
  ])("refuses the whole package when a name is %j, before reading any data", async (name, reason) => {
    const file = saveBytes(zipSync({ "ok.txt": strToU8("fine"), [name]: strToU8("evil") }));
    const message = await refusal(file);
    expect(message).toContain(reason);
    expect(message).toContain("the package is refused");
  });

  it("refuses more entries than allowed, directories included", async () => {
    const file = saveBytes(zipSync({ "a/": new Uint8Array(0), "a/1": strToU8("1"), "a/2": strToU8("2"), "a/3": strToU8("3") }));
    expect(await refusal(file, { entries: 3 })).toBe("The package has more than 3 files.");
    await withSource(file, async (source) => expect(source.names()).toHaveLength(3), { entries: 4 });
  });

  it("refuses an entry that declares more than the entry limit", async () => {
    const file = saveBytes(zipSync({ "big.txt": strToU8("x".repeat(2000)) }));
    expect(await refusal(file, { entryBytes: 1000 })).toBe("The entry big.txt expands to more than 1000 bytes, the most one file in a package may hold.");
  });

  it("stops an entry at the entry limit when it holds more than it declares", async () => {
    const file = saveBytes(craftZip([{ name: "liar.bin", data: new Uint8Array(5000), size: 100 }]));
    const { bytes, error } = await withSource(file, (source) => drain(source.stream("liar.bin")), { entryBytes: 1000 });
    expect(error).toBeInstanceOf(PackageError);
    expect((error as Error).message).toContain("liar.bin expands to more than 1000 bytes");
    expect(bytes).toBe(0);
  });

  it("stops a zip bomb soon after the package budget, without expanding all of it", async () => {
    const bomb = zeroBomb(200);
    expect(bomb.data.length).toBeLessThan(400_000);
    const file = saveBytes(craftZip([{ name: "zeros.bin", data: bomb.data, method: 8, crc: bomb.crc, size: bomb.size }]));
    const { bytes, error } = await withSource(file, (source) => drain(source.stream("zeros.bin")), { expandedBytes: 10 * MiB });
    expect(error).toBeInstanceOf(PackageError);
    expect((error as Error).message).toBe("The package expands to more than 10 MB, the most an import reads; it may be a zip bomb.");
    // The step that crosses the budget (16 KB in, at most about 16.5 MB out) is refused, not handed on.
    expect(bytes).toBeLessThanOrEqual(10 * MiB);
  });

  it("builds a bomb that is a valid archive, so the refusal above is the budget's doing", async () => {
    const bomb = zeroBomb(20);
    const file = saveBytes(craftZip([{ name: "zeros.bin", data: bomb.data, method: 8, crc: bomb.crc, size: bomb.size }]));
    await expect(withSource(file, (source) => drain(source.stream("zeros.bin")))).resolves.toEqual({ bytes: 20 * MiB, error: null });
  });

  it("stops a bomb that lies about its size as soon as it expands past what it declares", async () => {
    const bomb = zeroBomb(200);
    const file = saveBytes(craftZip([{ name: "zeros.bin", data: bomb.data, method: 8, crc: bomb.crc, size: 1000 }]));
    const { bytes, error } = await withSource(file, (source) => drain(source.stream("zeros.bin")));
    expect((error as Error).message).toBe("The entry zeros.bin is damaged: it expands to more than the 1000 bytes it declares.");
    expect(bytes).toBe(0);
  });

  it("counts the budget across the whole package, not per entry", async () => {
    const file = await writeZip(async (sink) => {
      await sink.add("one.bin", new Uint8Array(6 * MiB));
      await sink.add("two.bin", new Uint8Array(6 * MiB));
    });
    await withSource(
      file,
      async (source) => {
        expect(await drain(source.stream("one.bin"))).toEqual({ bytes: 6 * MiB, error: null });
        const second = await drain(source.stream("two.bin"));
        expect((second.error as Error).message).toContain("it may be a zip bomb");
      },
      { expandedBytes: 10 * MiB },
    );
  });

  it("refuses a stored entry whose bytes were changed, by its checksum", async () => {
    const file = await writeZip((sink) => sink.add("a.txt", "the original text", { compress: false }));
    const bytes = fs.readFileSync(file);
    bytes[30 + "a.txt".length + 4]! ^= 0x20;
    fs.writeFileSync(file, bytes);
    const { error } = await withSource(file, (source) => drain(source.stream("a.txt")));
    expect((error as Error).message).toBe("The entry a.txt is damaged: its checksum does not match.");
  });

  it("refuses a deflated entry whose compressed bytes were changed", async () => {
    const original = "Some lecture text that deflates. ".repeat(200);
    const bytes = zipSync({ "page.txt": [strToU8(original), { level: 6 }] });
    const dataStart = 30 + "page.txt".length;
    bytes[dataStart + 20]! ^= 0xff;
    const { error } = await withSource(saveBytes(bytes), (source) => drain(source.stream("page.txt")));
    expect(error).toBeInstanceOf(PackageError);
    expect((error as Error).message).toMatch(/^The entry page\.txt .*damaged/);
  });

  it("refuses a truncated archive", async () => {
    const file = await writeZip(async (sink) => {
      await sink.add("a.bin", noise(MiB, 11), { compress: false });
      await sink.add("b.txt", "b");
    });
    fs.truncateSync(file, Math.floor(fs.statSync(file).size * 0.6));
    expect(await refusal(file)).toContain("The zip archive is incomplete");
  });

  it("refuses an entry whose data would run past the end of the file", async () => {
    const file = saveBytes(craftZip([{ name: "a.txt", data: strToU8("short"), compressedSize: 50_000 }]));
    expect(await refusal(file)).toBe("The entry a.txt is damaged (it ends past the end of the file).");
  });

  it.each([
    ["text", Buffer.from("name,score\nAda,10\n".repeat(10))],
    ["empty", Buffer.alloc(0)],
    ["zeros", Buffer.alloc(100_000)],
  ])("refuses a file that is not a zip (%s)", async (_label, bytes) => {
    expect(await refusal(saveBytes(bytes))).toBe("The file is not a zip package.");
  });

  it("refuses a file that cannot be opened", async () => {
    expect(await refusal(path.join(dir, "no-such.zip"))).toBe("The package file could not be read.");
  });

  it("refuses a damaged directory", async () => {
    const bytes = craftZip([{ name: "a.txt", data: strToU8("a") }]);
    bytes.writeUInt32LE(0xdeadbeef, 30 + 5 + 1);
    expect(await refusal(saveBytes(bytes))).toBe("The zip archive's directory is damaged.");
  });

  it("refuses a package holding the same name twice", async () => {
    const file = saveBytes(craftZip([{ name: "a.txt", data: strToU8("one") }, { name: "a.txt", data: strToU8("two") }]));
    expect(await refusal(file)).toBe("The package holds a.txt twice.");
  });

  it("refuses encrypted entries and unsupported compression methods", async () => {
    expect(await refusal(saveBytes(craftZip([{ name: "secret.txt", data: strToU8("x"), flags: 1 }])))).toBe("The entry secret.txt is encrypted; export the package again without a password.");
    expect(await refusal(saveBytes(craftZip([{ name: "b.txt", data: strToU8("x"), method: 12 }])))).toContain("compression method (12) that is not supported");
  });

  it("refuses to read a small entry whole when it is larger than asked, and a missing one", async () => {
    const file = await writeZip((sink) => sink.add("course.json", "x".repeat(500)));
    await withSource(file, async (source) => {
      await expect(source.readBytes("course.json", 100)).rejects.toThrow("course.json is larger than 100 bytes.");
      await expect(source.readBytes("nope.json", 100)).rejects.toThrow("The package has no file nope.json.");
      await expect(drain(source.stream("nope.json"))).resolves.toMatchObject({ error: expect.any(PackageError) });
    });
  });
});

describe("CRC-32", () => {
  it("matches the standard check value and zlib's, a chunk at a time", () => {
    const check = strToU8("123456789");
    expect(crc32Portable(check)).toBe(0xcbf43926);
    expect(crc32(check)).toBe(0xcbf43926);
    const data = new Uint8Array(10_000).map((_, i) => (i * 31) & 0xff);
    expect(crc32Portable(data.subarray(5000), crc32Portable(data.subarray(0, 5000)))).toBe(zlib.crc32(data));
  });
});
