import "regenerator-runtime/runtime.js";
import type { PDFDocument, PDFFont, PDFPage, RGB } from "pdf-lib";

// Text in more than one script on one certificate: DejaVu Sans prints Latin,
// Greek, Cyrillic and Arabic (shaped, right to left), but has no Devanagari
// or Tamil, so a name such as "प्रिया" or "பிரியா" is drawn in runs, each in a
// font that has its letters (Noto Sans Devanagari, Noto Sans Tamil), and
// measured the same way so centring and wrapping stay right.
//
// The side-effect import above: @pdf-lib/fontkit's Indic shaper was compiled
// against a global regeneratorRuntime it does not ship, and throws without one.

export type Script = "base" | "devanagari" | "tamil";

export interface FontBytes {
  base: Uint8Array;
  devanagari: Uint8Array;
  tamil: Uint8Array;
}

export interface Typeface {
  fontFor(script: Script): PDFFont;
}

const scriptOf = (codePoint: number): Script => {
  if ((codePoint >= 0x0900 && codePoint <= 0x097f) || (codePoint >= 0xa8e0 && codePoint <= 0xa8ff)) return "devanagari";
  if (codePoint >= 0x0b80 && codePoint <= 0x0bff) return "tamil";
  return "base";
};

/** The text cut where its script changes; spaces and punctuation stay in the base font, which has them. */
export function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const character of text) {
    const script = scriptOf(character.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += character;
    else runs.push({ script, text: character });
  }
  return runs;
}

/** Which scripts a set of texts needs, so a certificate in Latin letters embeds no Indic font. */
export const scriptsIn = (texts: readonly string[]): Set<Script> =>
  new Set(texts.flatMap((text) => scriptRuns(text).map((run) => run.script)));

/** One weight of the certificate's type: the base font, and the Indic ones embedded only when a text needs them. */
export async function embedTypeface(pdf: PDFDocument, bytes: FontBytes, needed: Set<Script>): Promise<Typeface> {
  const base = await pdf.embedFont(bytes.base, { subset: true });
  const devanagari = needed.has("devanagari") ? await pdf.embedFont(bytes.devanagari, { subset: true }) : base;
  const tamil = needed.has("tamil") ? await pdf.embedFont(bytes.tamil, { subset: true }) : base;
  const fonts: Record<Script, PDFFont> = { base, devanagari, tamil };
  return { fontFor: (script) => fonts[script] };
}

export function widthOf(text: string, face: Typeface, size: number): number {
  return scriptRuns(text).reduce((sum, run) => sum + face.fontFor(run.script).widthOfTextAtSize(run.text, size), 0);
}

export function drawRuns(
  page: PDFPage,
  text: string,
  options: { x: number; y: number; size: number; face: Typeface; color: RGB; opacity?: number },
): void {
  let x = options.x;
  for (const run of scriptRuns(text)) {
    const font = options.face.fontFor(run.script);
    page.drawText(run.text, { x, y: options.y, size: options.size, font, color: options.color, opacity: options.opacity });
    x += font.widthOfTextAtSize(run.text, options.size);
  }
}
