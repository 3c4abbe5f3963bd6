import { PackageError, type PackageSource } from "../../package-io";

// A cartridge's XML and HTML entries are read whole, so each is capped; a page
// saved in a legacy encoding says so in its <meta charset> or XML declaration.

export const textEntryMaxBytes = 5 * 1024 * 1024;

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function decode(bytes: Uint8Array): string {
  const label = declaredEncoding(bytes);
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An encoding this runtime does not know: read it as UTF-8.
    }
  }
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

export type TextRead = { ok: true; text: string } | { ok: false; message: string };

export async function readPackageText(source: PackageSource, path: string): Promise<TextRead> {
  try {
    return { ok: true, text: decode(await source.readBytes(path, textEntryMaxBytes)) };
  } catch (error) {
    if (error instanceof PackageError) return { ok: false, message: error.message };
    throw error;
  }
}
