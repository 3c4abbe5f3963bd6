import type { StoredFile } from "@/db/schema";
import { getStorage } from "./index";

// Media and PDFs open in the browser (the issue asks for inline PDFs too);
// anything else downloads.
const inlineTypes = /^(video|audio|image)\/|^application\/pdf$/;

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
 * Streams a stored file to a reader the caller has already authorized, with
 * ranges so videos can seek. The type comes from the content check at upload
 * and is never sniffed: nothing served here runs as HTML in the site's origin.
 */
export async function serveStoredFile(
  file: Pick<StoredFile, "storageKey" | "originalName" | "mimeType" | "sizeBytes">,
  request: Request,
): Promise<Response> {
  const disposition = inlineTypes.test(file.mimeType) ? "inline" : "attachment";
  const headers = new Headers({
    "Content-Type": file.mimeType,
    "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=300",
    "Accept-Ranges": "bytes",
  });
  // A sandboxed document cannot script anything. Chrome's PDF viewer refuses
  // to render inside that sandbox, so a PDF goes without it: it is served as
  // application/pdf with nosniff, which no browser renders as a page.
  if (file.mimeType !== "application/pdf") headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
  const range = parseRange(request.headers.get("range"), file.sizeBytes);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${file.sizeBytes}`);
    return new Response(null, { status: 416, headers });
  }
  const body = await getStorage().get(file.storageKey, range ?? undefined);
  if (!body) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const { start, end } = range ?? { start: 0, end: file.sizeBytes - 1 };
  headers.set("Content-Length", String(end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${file.sizeBytes}`);
  return new Response(body, { status: range ? 206 : 200, headers });
}
