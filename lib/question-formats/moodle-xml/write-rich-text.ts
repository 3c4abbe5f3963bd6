import type { PortableFile } from "../portable-question";
import { decodeFileName } from "./file-names";
import { markdownToHtml, pluginfilePrefix, type MarkdownToHtmlOptions } from "./markdown-to-html";
import { escapeXml, textElement } from "./xml-writer";

// A Markdown field as Moodle's HTML text element: the HTML in CDATA, and each
// file its images show embedded after it as base64, as Moodle's file areas
// are per text (an image shown in the question and in its feedback is
// embedded in both).

const referencePattern = new RegExp(`${pluginfilePrefix.replace(/[$@/]/g, "\\$&")}([^"'\\s<>()?#]+)`, "g");

function embeddedFiles(html: string, files: readonly PortableFile[]): string {
  if (files.length === 0) return "";
  const used = new Set<PortableFile>();
  for (const match of html.matchAll(referencePattern)) {
    const name = decodeFileName(match[1]!);
    const file = files.find((candidate) => candidate.name === name) ?? files.find((candidate) => candidate.name === match[1]);
    if (file !== undefined) used.add(file);
  }
  return [...used].map((file) => `<file name="${escapeXml(file.name)}" path="/" encoding="base64">${Buffer.from(file.data).toString("base64")}</file>`).join("");
}

/** The <text> and <file> children for a Markdown field. */
export function richTextContent(markdown: string, files: readonly PortableFile[], options?: MarkdownToHtmlOptions): string {
  const html = markdownToHtml(markdown, options);
  return textElement(html) + embeddedFiles(html, files);
}

/** A whole HTML text element: <tag format="html"><text>…</text><file…/>extra</tag>. */
export const richTextElement = (tag: string, markdown: string, files: readonly PortableFile[], { attributes = "", extra = "" }: { attributes?: string; extra?: string } = {}): string =>
  `<${tag}${attributes} format="html">${richTextContent(markdown, files)}${extra}</${tag}>`;
