import { renderInlineMarkdown, renderMarkdown } from "@/lib/content/markdown";
import { clozeMarkerPattern } from "../portable-question";
import { splitMath } from "./math-spans";

// The bank's Markdown as the HTML Moodle stores, through the site's own
// renderer (so what goes out is what the site would show, sanitised). Three
// things must pass through it untouched, so they are set aside first and put
// back after: math (Markdown would eat "\(" and "_"), cloze gap markers
// (replaced by Moodle's embedded-answer code), and attachment: images, which
// the sanitiser drops as an unknown scheme; they go through as an https
// address on a reserved host and come out as Moodle's @@PLUGINFILE@@/name.

const attachmentHost = "https://attachment.invalid/";
export const pluginfilePrefix = "@@PLUGINFILE@@/";

// Private-use characters: no Markdown meaning, kept by the sanitiser.
const token = (kind: "m" | "g", index: number) => `\uE000${kind}${index}\uE001`;
const tokenPattern = /\uE000([mg])(\d+)\uE001/g;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Only link and image destinations (Markdown's or raw HTML's) are references; prose that says "attachment:" is prose.
const attachmentReference = /(\]\(\s*<?|\b(?:src|href)\s*=\s*["']?)attachment:/g;

export interface MarkdownToHtmlOptions {
  /** Phrasing only (a dropdown choice, a gap's feedback): no paragraphs, no images. */
  inline?: boolean;
  /** The HTML that replaces gap marker n; without it markers are left as text. */
  gap?: (n: number) => string;
}

export function markdownToHtml(markdown: string, { inline = false, gap }: MarkdownToHtmlOptions = {}): string {
  if (markdown.trim() === "") return "";
  const maths: string[] = [];
  const source = splitMath(markdown.replace(/[\uE000\uE001]/g, ""), { markdown: true })
    .map((span) => {
      if (span.math) return token("m", maths.push(span.text) - 1);
      const prose = span.text.replace(attachmentReference, (_, before: string) => `${before}${attachmentHost}`);
      return gap === undefined ? prose : prose.replace(new RegExp(clozeMarkerPattern.source, "g"), (_, n: string) => token("g", Number(n)));
    })
    .join("");
  const html = (inline ? renderInlineMarkdown(source) : renderMarkdown(source)).trim();
  return html
    .split(attachmentHost)
    .join(pluginfilePrefix)
    .replace(tokenPattern, (_, kind: string, index: string) => (kind === "m" ? escapeHtml(maths[Number(index)] ?? "") : (gap?.(Number(index)) ?? "")));
}
