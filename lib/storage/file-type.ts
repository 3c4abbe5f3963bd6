// Identifies a file by its first bytes, so a renamed executable or an HTML
// page posing as a PDF is refused, whatever its name or declared type.

export interface DetectedType {
  mime: string;
  extension: string;
  kind: "document" | "image" | "video" | "audio" | "archive" | "text";
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((value, index) => bytes[offset + index] === value);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const officeByExtension: Record<string, DetectedType> = {
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", kind: "document" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx", kind: "document" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx", kind: "document" },
  odt: { mime: "application/vnd.oasis.opendocument.text", extension: "odt", kind: "document" },
};

/** How many leading bytes decide a file's type; a streamed upload is checked on this much. */
export const sniffLength = 8192;

function looksLikeText(bytes: Uint8Array, isWholeFile: boolean): boolean {
  const sample = bytes.subarray(0, sniffLength);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(isWholeFile && sample.length === bytes.length ? sample : trimPartialUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

// A sample cut mid-character is still text: drop an incomplete trailing sequence.
function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  const end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) return sample.subarray(0, end - back);
    if ((byte & 0x80) === 0) break;
  }
  return sample;
}

/**
 * The file's real type, or null when it is none we accept. `bytes` may be only
 * the file's beginning (isWholeFile false), as when an upload is still arriving.
 */
export function detectFileType(bytes: Uint8Array, fileName = "", isWholeFile = true): DetectedType | null {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, ascii("%PDF-"))) return { mime: "application/pdf", extension: "pdf", kind: "document" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", extension: "png", kind: "image" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", extension: "jpg", kind: "image" };
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return { mime: "image/gif", extension: "gif", kind: "image" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return { mime: "image/webp", extension: "webp", kind: "image" };
  if (startsWith(bytes, ascii("ftyp"), 4)) return { mime: "video/mp4", extension: "mp4", kind: "video" };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: "video/webm", extension: "webm", kind: "video" };
  if (startsWith(bytes, ascii("ID3")) || startsWith(bytes, [0xff, 0xfb])) return { mime: "audio/mpeg", extension: "mp3", kind: "audio" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office documents are zip files; the name tells which kind, the bytes that it is a zip.
    return officeByExtension[extension] ?? { mime: "application/zip", extension: "zip", kind: "archive" };
  }
  if (looksLikeText(bytes, isWholeFile)) {
    // Text is served as plain text whatever it contains, so an HTML or SVG
    // upload can never run in the site's origin.
    const isCsv = extension === "csv";
    const isMarkdown = extension === "md";
    return {
      mime: isCsv ? "text/csv" : isMarkdown ? "text/markdown" : "text/plain",
      extension: isCsv ? "csv" : isMarkdown ? "md" : "txt",
      kind: "text",
    };
  }
  return null;
}
