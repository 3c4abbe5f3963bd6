import { giftEscapable } from "./gift-text";
import { startsWithFormatMarker } from "./text-format";

// The exporter's half of GIFT's escapes: every character the importer would
// take for structure gets a backslash, newlines become `\n` (a blank line
// would end the question), and a backslash is doubled only where it would
// otherwise start an escape. So `\(x^2\)` is written as it is, `\frac{1}{2}`
// as `\frac\{1\}\{2\}` and `\neq` as `\\neq` (`\n` alone is a newline), and
// every text reads back exactly, in Moodle as here.

const structural = new Set(["~", "=", "#", "{", "}", ":"]);

export function escapeGift(text: string): string {
  const source = text.replace(/\r\n?/g, "\n");
  const out: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const next = source[i + 1];
    if (char === "\\") {
      // At the end, the writer's next character (`#`, `}`, `=`…) could complete an escape.
      out.push(next === undefined || giftEscapable.has(next) || next === "n" || next === "\n" ? "\\\\" : "\\");
    } else if (char === "\n") out.push("\\n");
    else if (structural.has(char)) out.push(`\\${char}`);
    else out.push(char);
  }
  return out.join("");
}

/**
 * A text whose format the reader looks for (question text aside, which always
 * gets [markdown]): answers and feedback inherit Markdown, so only a text that
 * itself starts like a format marker needs one in front.
 */
export function writeFormatted(text: string): string {
  const trimmed = text.trim();
  return `${startsWithFormatMarker(trimmed) ? "[markdown]" : ""}${escapeGift(trimmed)}`;
}
