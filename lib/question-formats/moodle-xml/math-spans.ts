// LaTeX sits in question text between \( \), \[ \] or $$ $$ and is rendered
// by the site (and by Moodle's MathJax filter) as written. Converting the
// prose around it, HTML to Markdown or back, must leave it alone: Markdown
// would read "\(" as an escaped parenthesis and "x_1_" as emphasis.

export interface TextSpan {
  math: boolean;
  text: string;
}

const closers: Record<string, string> = { "\\(": "\\)", "\\[": "\\]", $$: "$$" };

/**
 * Cuts text into prose and math, in order; an opening delimiter without its
 * closing one is prose. With `markdown`, a backslash escapes the character
 * after it (so "\\(" is a literal backslash and parenthesis, not math), as
 * Markdown reads it; HTML text has no such escapes.
 */
export function splitMath(text: string, { markdown }: { markdown: boolean }): TextSpan[] {
  const spans: TextSpan[] = [];
  let prose = "";
  let index = 0;
  // A closing delimiter missing after one position is missing after every later one:
  // remembering that keeps a long text full of stray "$$" a single pass.
  const exhausted = new Set<string>();
  while (index < text.length) {
    const pair = text.slice(index, index + 2);
    const closer = closers[pair];
    const end = closer === undefined || exhausted.has(closer) ? -1 : text.indexOf(closer, index + 2);
    if (closer !== undefined && end === -1) exhausted.add(closer);
    if (closer !== undefined && end !== -1) {
      if (prose !== "") spans.push({ math: false, text: prose });
      prose = "";
      spans.push({ math: true, text: text.slice(index, end + 2) });
      index = end + 2;
    } else if (markdown && text[index] === "\\" && index + 1 < text.length) {
      prose += pair;
      index += 2;
    } else {
      prose += text[index];
      index += 1;
    }
  }
  if (prose !== "") spans.push({ math: false, text: prose });
  return spans;
}
