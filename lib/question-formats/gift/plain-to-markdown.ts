import { splitMath } from "./math-spans";

// Plain text (GIFT's [plain], every Aiken file) must read exactly as typed once
// the site renders it as Markdown: `2*3*4` stays `2*3*4`, `<b>` is shown, not
// taken for HTML, and a line break stays a line break. LaTeX is left alone,
// since the site renders it in plain text too.

/** Characters that mean something anywhere in a line of Markdown. */
const inline = /[\\`*_[\]<>~|]/g;
/** An entity (`&amp;`, `&#169;`) Markdown would decode; `&` alone is safe. */
const entity = /&(?=#?[0-9A-Za-z]+;)/g;
/** What starts a heading, quote, list, rule or setext underline at the start of a line. */
const lineStart = /^(\s*)([#>+=-]|\d+(?=[.)]))/;

function escapeLine(line: string, atLineStart: boolean): string {
  const escaped = line.replace(inline, "\\$&").replace(entity, "\\&");
  return atLineStart ? escaped.replace(lineStart, (_all, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`)) : escaped;
}

/**
 * Escapes prose line by line. A single newline is a space in Markdown, so one
 * between two lines of text gets a backslash before it, which makes it a
 * break. Math before or after the prose counts as text on its first or last line.
 */
function escapeProse(prose: string, mathBefore: boolean, mathAfter: boolean, startsLine: boolean): string {
  const lines = prose.split("\n");
  const last = lines.length - 1;
  const hasText = (index: number) => lines[index] !== "" || (index === 0 && mathBefore) || (index === last && mathAfter);
  return lines
    .map((line, index) => {
      const escaped = escapeLine(line, index > 0 || startsLine);
      return index < last && hasText(index) && hasText(index + 1) ? `${escaped}\\` : escaped;
    })
    .join("\n");
}

/** Plain text as Markdown that renders to the same characters and line breaks. */
export function plainToMarkdown(text: string): string {
  const spans = splitMath(text);
  let atLineStart = true;
  return spans
    .map((span, index) => {
      const result = span.math ? span.text : escapeProse(span.text, index > 0, index < spans.length - 1, atLineStart);
      atLineStart = span.text.endsWith("\n");
      return result;
    })
    .join("");
}
