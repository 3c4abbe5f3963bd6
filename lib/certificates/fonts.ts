import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FontBytes } from "./typeface";

// The certificate's typefaces: DejaVu Sans, which covers Latin, Greek,
// Cyrillic and Arabic, so a student's name outside Latin-1 prints as written
// (PDF's built-in fonts cannot), with Noto Sans Devanagari and Noto Sans Tamil
// for the names DejaVu has no letters for (lib/certificates/typeface.ts).
// Read from the installed packages at run time, once per process: the server
// runs from the project's root (as the outbox does), so node_modules is beside it.

const modules = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules");

const files = {
  regular: {
    base: ["dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf"],
    devanagari: ["@fontsource", "noto-sans-devanagari", "files", "noto-sans-devanagari-devanagari-400-normal.woff"],
    tamil: ["@fontsource", "noto-sans-tamil", "files", "noto-sans-tamil-tamil-400-normal.woff"],
  },
  bold: {
    base: ["dejavu-fonts-ttf", "ttf", "DejaVuSans-Bold.ttf"],
    devanagari: ["@fontsource", "noto-sans-devanagari", "files", "noto-sans-devanagari-devanagari-700-normal.woff"],
    tamil: ["@fontsource", "noto-sans-tamil", "files", "noto-sans-tamil-tamil-700-normal.woff"],
  },
} as const;

export interface CertificateFonts {
  regular: FontBytes;
  bold: FontBytes;
}

const read = async (parts: readonly string[]) => new Uint8Array(await readFile(path.join(modules(), ...parts)));

async function weight(paths: (typeof files)["regular"] | (typeof files)["bold"]): Promise<FontBytes> {
  const [base, devanagari, tamil] = await Promise.all([read(paths.base), read(paths.devanagari), read(paths.tamil)]);
  return { base, devanagari, tamil };
}

let loaded: Promise<CertificateFonts> | null = null;

export function certificateFonts(): Promise<CertificateFonts> {
  loaded ??= Promise.all([weight(files.regular), weight(files.bold)])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((error: unknown) => {
      // A failed read is not kept: the next certificate tries again.
      loaded = null;
      throw error;
    });
  return loaded;
}
