import TurndownService from "turndown";
import { splitMath } from "./math-spans";

// Moodle keeps question text as HTML; the bank keeps Markdown. The settings
// are the Markdown that renderMarkdown reads back to the same HTML (ATX
// headings, fenced code, "*" emphasis, "- " lists), so an export and a new
// import give the text back unchanged.

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    emDelimiter: "*",
    strongDelimiter: "**",
    bulletListMarker: "-",
    hr: "---",
  });
  service.remove(["script", "style"]);
  // Markdown has no tables, subscripts or superscripts of its own; the bank's
  // Markdown allows these as HTML, so they are kept as written.
  service.keep(["table", "sub", "sup"]);
  // Turndown's list items have three spaces after the marker; one is what people write.
  service.addRule("listItem", {
    filter: "li",
    replacement(content, node, options) {
      const parent = node.parentNode;
      let prefix = `${options.bulletListMarker ?? "-"} `;
      if (parent !== null && parent.nodeName === "OL") {
        const start = Number((parent as HTMLElement).getAttribute("start") ?? "1");
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call((parent as HTMLElement).children, node)}. `;
      }
      const paragraph = /\n$/.test(content);
      const body = content.replace(/^\n+/, "").replace(/\n+$/, "") + (paragraph ? "\n" : "");
      return prefix + body.replace(/\n/g, `\n${" ".repeat(prefix.length)}`) + (node.nextSibling ? "\n" : "");
    },
  });
  // GitHub's strikethrough, which renderMarkdown writes as <del>.
  service.addRule("strikethrough", { filter: ["del", "s"], replacement: (content) => (content.trim() === "" ? content : `~~${content}~~`) });
  // Prose is escaped for Markdown; math is left exactly as written. Turndown
  // escapes "]" as "\]", which the site would read as the end of display
  // math ("\[a\]"); an escaped "[" alone already keeps a bracket from being
  // a link, so "]" stays as it is. Turndown leaves "<div>" and "&amp;" as
  // written, which Markdown would read as a tag and an entity: those are
  // escaped too.
  const escapeProse = service.escape.bind(service);
  const escapeText = (text: string) =>
    escapeProse(text)
      .replace(/\\]/g, "]")
      .replace(/<(?=[A-Za-z/!?])/g, "\\<")
      .replace(/&(?=#?\w+;)/g, "\\&");
  service.escape = (text: string) =>
    splitMath(text, { markdown: false })
      .map((span) => (span.math ? span.text : escapeText(span.text)))
      .join("");
  return service;
}

const markdownService = createService();

/** HTML (a Moodle text field) as Markdown. */
export function htmlToMarkdown(html: string): string {
  if (html.trim() === "") return "";
  return markdownService.turndown(html).trim();
}

// The text content alone, entities decoded: what a student would type for a
// short answer. Text with neither tags nor entities needs no DOM for that.
const plainEnough = /^[^<&]*$/;
const breaking = new Set(["P", "DIV", "BR", "LI", "TD", "TH", "TR", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "UL", "OL", "TABLE"]);
const plainService = new TurndownService();
plainService.escape = (text: string) => text;
plainService.addRule("textOnly", { filter: () => true, replacement: (content, node) => (breaking.has(node.nodeName) ? ` ${content} ` : content) });

/** HTML reduced to its text (entities decoded, tags dropped, spacing collapsed). */
export function htmlToPlainText(html: string): string {
  if (plainEnough.test(html)) return html.replace(/\s+/g, " ").trim();
  return plainService.turndown(html).replace(/\s+/g, " ").trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Plain text as Markdown that shows it as written: Markdown's marks escaped,
 * blank lines kept as paragraphs and single line breaks as line breaks (as
 * Moodle shows plain and "Moodle auto-format" text).
 */
export function plainTextToMarkdown(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  return htmlToMarkdown(paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`).join(""));
}
