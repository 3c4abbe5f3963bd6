import fs from "node:fs";
import { Readable } from "node:stream";
import type { StoredFile } from "@/db/schema";
import { pathForKey } from "./local-storage";

const inlineKinds = /^(video|audio|image)\//;

/** Parses a single "bytes=start-end" range against the file size; null when absent or unsatisfiable. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return "invalid";
  return { start, end };
}

/**
 * Streams a stored file to a reader the caller has already authorized. Media
 * plays inline (with ranges, so videos can seek); anything else downloads, and
 * nothing is ever sniffed into HTML.
 */
export function serveStoredFile(file: Pick<StoredFile, "storageKey" | "originalName" | "mimeType" | "sizeBytes">, request: Request): Response {
  const filePath = pathForKey(file.storageKey);
  if (!fs.existsSync(filePath)) return new Response("Not found", { status: 404 });
  const disposition = inlineKinds.test(file.mimeType) ? "inline" : "attachment";
  const headers = new Headers({
    "Content-Type": file.mimeType,
    "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, max-age=300",
    "Accept-Ranges": "bytes",
  });
  const range = parseRange(request.headers.get("range"), file.sizeBytes);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${file.sizeBytes}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: file.sizeBytes - 1 };
  headers.set("Content-Length", String(end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${file.sizeBytes}`);
  const stream = Readable.toWeb(fs.createReadStream(filePath, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: range ? 206 : 200, headers });
}
