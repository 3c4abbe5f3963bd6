import type { PortableFile } from "../portable-question";
import { contentTypeOf } from "./file-names";

// The files embedded across a whole import. Moodle embeds an image once per
// text that shows it, so the same image comes back many times: the same name
// with the same bytes is one file. Two questions may each have had their own
// "image.png"; the second is kept as "image-2.png" and its texts say so.

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index]);

function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

export class EmbeddedFiles {
  readonly files: PortableFile[] = [];
  private readonly byName = new Map<string, PortableFile>();

  /** Keeps a file and returns the name texts must use for it. */
  add(name: string, data: Uint8Array): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : numbered(name, n);
      const existing = this.byName.get(candidate);
      if (existing === undefined) {
        const file: PortableFile = { name: candidate, contentType: contentTypeOf(name), data };
        this.files.push(file);
        this.byName.set(candidate, file);
        return candidate;
      }
      if (sameBytes(existing.data, data)) return candidate;
    }
  }
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 (line breaks and spaces allowed, as some tools wrap it) as bytes; null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, "");
  if (!base64Pattern.test(compact) || compact.length % 4 === 1) return null;
  return Uint8Array.from(Buffer.from(compact, "base64"));
}
