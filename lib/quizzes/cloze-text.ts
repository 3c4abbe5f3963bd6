// A cloze question's text is Markdown with gap n written `[[n]]` (1-based).
// The attempt page puts an input where each marker stands, so the text is cut
// at the markers here and each piece rendered on its own. Markdown blocks
// cannot hold a form control in the middle of rendered HTML, so a paragraph
// with a marker is rendered as inline Markdown around the inputs, and the
// paragraphs without one as ordinary Markdown.

export type ClozePart = { kind: "text"; source: string } | { kind: "gap"; index: number };

export type ClozeBlock =
  /** Markdown with no gap in it, rendered as it is. */
  | { kind: "markdown"; source: string }
  /** One paragraph holding gaps: inline Markdown between them. */
  | { kind: "gapped"; parts: ClozePart[] };

const markerPattern = /\[\[(\d{1,3})\]\]/g;
const blankLine = /\n[ \t]*\n/;

/**
 * The text cut into blocks at its gap markers. Each gap (0-based index) is
 * placed once, at its first marker; a repeated marker or one beyond the gaps
 * stays text. A gap the text never marks is placed in a last block of its own,
 * so every gap can be answered whatever the author wrote.
 */
export function splitClozeText(text: string, gapCount: number): ClozeBlock[] {
  const placed = new Set<number>();
  const blocks: ClozeBlock[] = [];
  // Paragraphs without a gap are joined back together, so that a fenced code
  // block or a list with blank lines in it stays one piece of Markdown.
  let plain: string[] = [];
  const flushPlain = () => {
    if (plain.length > 0 && plain.join("").trim() !== "") blocks.push({ kind: "markdown", source: plain.join("\n\n") });
    plain = [];
  };

  for (const paragraph of text.replace(/\r\n?/g, "\n").split(blankLine)) {
    const parts = gappedParts(paragraph, gapCount, placed);
    if (parts === null) {
      plain.push(paragraph);
      continue;
    }
    flushPlain();
    blocks.push({ kind: "gapped", parts });
  }
  flushPlain();

  const unplaced = Array.from({ length: gapCount }, (_, index) => index).filter((index) => !placed.has(index));
  if (unplaced.length > 0) blocks.push({ kind: "gapped", parts: unplaced.map((index) => ({ kind: "gap", index })) });
  return blocks;
}

/** The paragraph's text and gaps in order, or null when it places no gap. Marks the gaps it places. */
function gappedParts(paragraph: string, gapCount: number, placed: Set<number>): ClozePart[] | null {
  const parts: ClozePart[] = [];
  let textStart = 0;
  let gapFound = false;
  for (const match of paragraph.matchAll(markerPattern)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= gapCount || placed.has(index)) continue;
    placed.add(index);
    gapFound = true;
    if (match.index > textStart) parts.push({ kind: "text", source: paragraph.slice(textStart, match.index) });
    parts.push({ kind: "gap", index });
    textStart = match.index + match[0].length;
  }
  if (!gapFound) return null;
  if (textStart < paragraph.length) parts.push({ kind: "text", source: paragraph.slice(textStart) });
  return parts;
}

/** The text with each marker shown as a numbered blank, for the review, where the answers are listed below it. */
export function clozeTextWithBlanks(text: string): string {
  return text.replace(markerPattern, (_, number: string) => `**(blank ${Number(number)})**`);
}
