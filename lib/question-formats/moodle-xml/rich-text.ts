import { decodeBase64 } from "./embedded-files";
import { attachmentReference, decodeFileName } from "./file-names";
import { htmlToMarkdown, plainTextToMarkdown } from "./html-to-markdown";
import type { ReadContext } from "./read-context";
import { attribute, child, children, textOf, type XmlElement } from "./xml-tree";

// A Moodle text field (<questiontext format="html"><text>…</text><file …/></…>)
// as the bank's Markdown. Its <file> elements are the images its text shows
// as @@PLUGINFILE@@/name; they become the import's files and the references
// attachment:name.

// A reference ends where an attribute value or the text does; Moodle may add "?time=…".
const pluginfilePattern = /@@PLUGINFILE@@(\/[^"'\s<>?#]*)(?:\?[^"'\s<>#]*)?/g;

/** Where a reference in Markdown ends: at a ")" that closes the link around it rather than one of its own "(". */
function referenceLength(reference: string): number {
  let open = 0;
  for (let index = 0; index < reference.length; index++) {
    if (reference[index] === "(") open++;
    else if (reference[index] === ")" && open-- === 0) return index;
  }
  return reference.length;
}

/** The element's embedded files kept, by the path their references use ("/image.png", "/sub/image.png"). */
function embedFiles(element: XmlElement, context: ReadContext): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of children(element, "file")) {
    const name = attribute(file, "name")?.trim() ?? "";
    const path = (attribute(file, "path") ?? "/").replace(/^\/*/, "/").replace(/\/*$/, "/");
    const encoding = attribute(file, "encoding") ?? "base64";
    const data = encoding === "base64" ? decodeBase64(textOf(file)) : null;
    if (name === "" || data === null) {
      context.problem(`an embedded file${name === "" ? "" : ` (${name})`} is not base64 data; it was left out.`);
      continue;
    }
    names.set(`${path}${name}`, context.files.add(name, data));
  }
  return names;
}

function rewriteReferences(text: string, names: ReadonlyMap<string, string>, context: ReadContext): string {
  if (!text.includes("@@PLUGINFILE@@")) return text;
  return text.replace(pluginfilePattern, (whole: string) => {
    const end = referenceLength(whole);
    const reference = whole.slice("@@PLUGINFILE@@".length, end).replace(/\?.*$/, "");
    const path = reference.split("/").map(decodeFileName).join("/");
    const kept = names.get(path);
    const rest = whole.slice(end);
    if (kept !== undefined) return attachmentReference(kept) + rest;
    const name = path.slice(path.lastIndexOf("/") + 1);
    context.problem(`the text shows ${name || "a file"}, which is not embedded in the file; the picture will be missing.`);
    return attachmentReference(name) + rest;
  });
}

export interface RichTextOptions {
  /** Applied to the raw text before it becomes Markdown (the cloze reader takes its gaps out here). */
  transform?: (raw: string) => string;
}

/** The field's text as Markdown; "" when the element is missing. */
export function readRichText(element: XmlElement | undefined, context: ReadContext, { transform }: RichTextOptions = {}): string {
  if (element === undefined) return "";
  const names = embedFiles(element, context);
  // Private-use characters mark the cloze reader's gaps; the source has no business with them.
  let raw = rewriteReferences(textOf(child(element, "text")).replace(/[\uE000\uE001]/g, ""), names, context);
  if (transform !== undefined) raw = transform(raw);
  // Moodle reads a missing or unknown format as HTML.
  const format = (attribute(element, "format") ?? "html").trim();
  if (format === "markdown") return raw.trim();
  if (format === "plain_text" || format === "moodle_auto_format" || format === "wiki_like") return plainTextToMarkdown(raw);
  return htmlToMarkdown(raw);
}
