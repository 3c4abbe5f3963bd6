// LaTeX sits in question text between `\(`…`\)`, `\[`…`\]` or `$$`…`$$` and is
// rendered by the site as written. Converting the prose around it to Markdown
// (escaping `_`, `*`, `\`…) must not touch it, or `x_1` and `\frac` break.

const delimiters = [
  { open: "\\(", close: "\\)" },
  { open: "\\[", close: "\\]" },
  { open: "$$", close: "$$" },
] as const;

export interface TextSpan {
  math: boolean;
  text: string;
}

/**
 * Cuts text into prose and math, in order. An opening delimiter without its
 * closing one is prose. Each delimiter's next occurrence is remembered until
 * passed, so a long text with many formulas is still read in one pass.
 */
export function splitMath(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  // Per delimiter: its next span at or after the position, null once there is none.
  const next: ({ start: number; end: number } | null | undefined)[] = delimiters.map(() => undefined);
  const find = (index: number, from: number) => {
    const delimiter = delimiters[index]!;
    const start = text.indexOf(delimiter.open, from);
    const close = start === -1 ? -1 : text.indexOf(delimiter.close, start + delimiter.open.length);
    // Without a closing delimiter after this opening one, there is none after a later one either.
    return close === -1 ? null : { start, end: close + delimiter.close.length };
  };
  let position = 0;
  while (position < text.length) {
    let best: { start: number; end: number } | null = null;
    for (let index = 0; index < delimiters.length; index++) {
      let span = next[index];
      if (span === null) continue;
      if (span === undefined || span.start < position) span = next[index] = find(index, position);
      if (span !== null && (best === null || span.start < best.start)) best = span;
    }
    if (best === null) break;
    if (best.start > position) spans.push({ math: false, text: text.slice(position, best.start) });
    spans.push({ math: true, text: text.slice(best.start, best.end) });
    position = best.end;
  }
  if (position < text.length) spans.push({ math: false, text: text.slice(position) });
  return spans;
}

/** Applies `change` to the prose of `text`, leaving its math as written. */
export function mapProse(text: string, change: (prose: string) => string): string {
  return splitMath(text)
    .map((span) => (span.math ? span.text : change(span.text)))
    .join("");
}
