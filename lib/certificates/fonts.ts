import { readFile } from "node:fs/promises";
import path from "node:path";

// The certificate's typefaces: DejaVu Sans, which covers Latin, Greek,
// Cyrillic and more, so a student's name outside Latin-1 prints as written
// (PDF's built-in fonts cannot). Read from the installed package at run time,
// once per process: the server runs from the project's root (as the outbox
// does), so node_modules is beside it.

const fontDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

let loaded: Promise<CertificateFonts> | null = null;

export function certificateFonts(): Promise<CertificateFonts> {
  loaded ??= Promise.all([readFile(path.join(fontDir(), "DejaVuSans.ttf")), readFile(path.join(fontDir(), "DejaVuSans-Bold.ttf"))])
    .then(([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }))
    .catch((error: unknown) => {
      // A failed read is not kept: the next certificate tries again.
      loaded = null;
      throw error;
    });
  return loaded;
}
