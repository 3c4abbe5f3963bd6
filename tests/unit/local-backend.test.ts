import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StorageBackend } from "@/lib/storage/backend";
import { LocalBackend, pathForKey, uploadsDir } from "@/lib/storage/local-backend";

const key = "0f8fad5b-d9cb-469f-a165-70867728950e.txt";
const text = (content: string) => new TextEncoder().encode(content);
const read = async (stream: ReadableStream<Uint8Array> | null) => (stream ? new Response(stream).text() : null);
const backend: StorageBackend = new LocalBackend();
let previousDataDir: string | undefined;

beforeAll(() => {
  previousDataDir = process.env.JEEVI_DATA_DIR;
  process.env.JEEVI_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-local-backend-"));
});

afterAll(() => {
  fs.rmSync(process.env.JEEVI_DATA_DIR!, { recursive: true, force: true });
  if (previousDataDir === undefined) delete process.env.JEEVI_DATA_DIR;
  else process.env.JEEVI_DATA_DIR = previousDataDir;
});

async function* pieces(...chunks: string[]) {
  for (const chunk of chunks) yield text(chunk);
}

describe("LocalBackend", () => {
  it("writes a stream under <uploads>/<first two characters>/<key> and reads it back whole or by range", async () => {
    await backend.put(key, pieces("Hello, ", "world"), "text/plain");
    expect(pathForKey(key)).toBe(path.join(uploadsDir(), "0f", key));
    expect(await backend.exists(key)).toBe(true);
    expect(await read(await backend.get(key))).toBe("Hello, world");
    expect(await read(await backend.get(key, { start: 7, end: 11 }))).toBe("world");
  });

  it("leaves nothing, not even a temporary file, when the source fails midway", async () => {
    const other = "1f8fad5b-d9cb-469f-a165-70867728950e.txt";
    async function* failing() {
      yield text("partial ");
      throw new Error("too large");
    }
    await expect(backend.put(other, failing(), "text/plain")).rejects.toThrow("too large");
    expect(await backend.exists(other)).toBe(false);
    expect(fs.readdirSync(path.dirname(pathForKey(other)))).toEqual([]);
  });

  it("answers null for a missing key, deletes idempotently, and refuses keys it did not generate", async () => {
    await backend.delete(key);
    await backend.delete(key);
    expect(await backend.get(key)).toBeNull();
    expect(await backend.exists(key)).toBe(false);
    await expect(backend.put("../outside.txt", text("x"), "text/plain")).rejects.toThrow("Invalid storage key");
    expect(() => pathForKey("0f/../../escape.txt")).toThrow("Invalid storage key");
  });
});
