import { htmlToMarkdown, plainToMarkdown } from "@/lib/question-formats/html-to-markdown";
import { textContent, type XmlElement } from "@/lib/question-formats/qti/xml-tree";
import { fileReference } from "../../manifest";
import { fileNameOf } from "./cartridge-paths";
import { rewriteHtml } from "./html-references";
import type { ImportContext } from "./import-context";
import { linkTarget } from "./link-target";

// The text of a topic or an assignment (<text texttype="text/html">) as
// Markdown, and the files it lists as attachments, as links at its end.

export function richText(context: ImportContext, element: XmlElement | undefined, fromPath: string, where: string): string {
  if (!element) return "";
  const text = textContent(element);
  if ((element.attrs.texttype ?? "text/plain").toLowerCase() !== "text/html") return plainToMarkdown(text);
  return htmlToMarkdown(rewriteHtml(context, text, { fromPath, role: "content", where }));
}

/** "Attachments" with a link to each file found, after saying which were not. */
export function attachmentLinks(context: ImportContext, hrefs: readonly string[], fromPath: string, where: string): string {
  const links: string[] = [];
  for (const href of hrefs) {
    const target = linkTarget(context.entries, href, fromPath);
    if (target.kind !== "entry") {
      context.note(where, `The attachment ${href} is not in the cartridge; it was left out.`);
      continue;
    }
    const fileId = context.fileFor(target.path, "content");
    if (fileId) links.push(`- [${plainToMarkdown(fileNameOf(target.path))}](${fileReference(fileId)})`);
  }
  return links.length > 0 ? `**Attachments**\n\n${links.join("\n")}` : "";
}
