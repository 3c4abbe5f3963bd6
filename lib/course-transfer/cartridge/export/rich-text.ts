import { renderInlineMarkdown, renderMarkdown } from "@/lib/content/markdown";
import { fileReferencePattern, lessonReferencePattern } from "@/lib/course-transfer/manifest";
import { splitMath } from "@/lib/question-formats/moodle-xml/math-spans";

// The document's Markdown as the HTML a cartridge carries, through the site's
// own sanitising renderer, so nothing goes out that the site would not show.
// That renderer keeps only https images, so each `jeevi-file:` and
// `jeevi-lesson:` reference passes through it as an https address on a
// reserved host and comes out as the package path (or web address) it stands
// for. Question text keeps its LaTeX as written: it is set aside before
// Markdown could read "\(" or "_" and put back, escaped, after.

/** What a reference becomes: a path relative to the page, or a web address. */
export interface TextTarget {
  href: string;
  /** A path inside the package (opens in place) rather than a site elsewhere (opens in a new tab). */
  internal: boolean;
  /** The identifier of the resource the page then depends on (a file's). */
  dependency?: string;
}

export interface ReferenceTargets {
  file(id: string): TextTarget | undefined;
  lesson(id: string): TextTarget | undefined;
}

export interface RenderedText {
  html: string;
  dependencies: string[];
  /** References to files or lessons the document does not hold; written as "#". */
  missing: string[];
}

const standInHost = "https://ref.jeevi.invalid/";
const standInLink = /href="https:\/\/ref\.jeevi\.invalid\/(\d+)"(?: rel="noopener noreferrer" target="_blank")?/g;
const standInAnywhere = /https:\/\/ref\.jeevi\.invalid\/(\d+)/g;
// Private-use characters: no Markdown meaning, kept by the sanitiser.
const mathToken = (index: number) => `\uE000${index}\uE001`;
const mathTokenPattern = /\uE000(\d+)\uE001/g;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function richTextHtml(markdown: string, targets: ReferenceTargets, { inline = false, math = false } = {}): RenderedText {
  if (markdown.trim() === "") return { html: "", dependencies: [], missing: [] };
  const used: TextTarget[] = [];
  const missing: string[] = [];
  const standIn = (target: TextTarget | undefined, whole: string) => {
    if (target === undefined) {
      missing.push(whole);
      return "#";
    }
    return `${standInHost}${used.push(target) - 1}`;
  };
  const resolve = (prose: string) =>
    prose
      .replace(fileReferencePattern, (whole, id: string) => standIn(targets.file(id), whole))
      .replace(lessonReferencePattern, (whole, id: string) => standIn(targets.lesson(id), whole));

  const formulas: string[] = [];
  const source = math
    ? splitMath(markdown.replace(/[\uE000\uE001]/g, ""), { markdown: true })
        .map((span) => (span.math ? mathToken(formulas.push(span.text) - 1) : resolve(span.text)))
        .join("")
    : resolve(markdown);

  const rendered = (inline ? renderInlineMarkdown(source) : renderMarkdown(source)).trim();
  // An address on the reserved host that the author typed is no stand-in of ours: it stays as written.
  const html = rendered
    .replace(standInLink, (whole, n: string) => {
      const target = used[Number(n)];
      if (target === undefined) return whole;
      return target.internal ? `href="${escapeHtml(target.href)}"` : `href="${escapeHtml(target.href)}" rel="noopener noreferrer" target="_blank"`;
    })
    .replace(standInAnywhere, (whole, n: string) => {
      const target = used[Number(n)];
      return target === undefined ? whole : escapeHtml(target.href);
    })
    .replace(mathTokenPattern, (whole, n: string) => (math ? escapeHtml(formulas[Number(n)] ?? "") : whole));
  const dependencies = [...new Set(used.flatMap((target) => (target.dependency ? [target.dependency] : [])))];
  return { html, dependencies, missing };
}
