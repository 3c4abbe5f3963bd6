import { htmlToMarkdown } from "../html-to-markdown";
import { childrenNamed, elements, textContent, toHtml, type XmlElement } from "../qti/xml-tree";

// QTI 1.2 text lives in <material>: <mattext> (plain or, with
// texttype="text/html", escaped HTML), <matimage>, <matbreak>. Everything is
// put together as HTML first, so one conversion to Markdown handles plain text
// and HTML alike and the caller can rewrite the HTML's references (a
// cartridge's images) before that.

export type HtmlRewrite = (html: string) => string;

const escapeHtml = (text: string) => text.replace(/[<>&"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[char]!);
const looksLikeHtml = (text: string) => /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text);

function mattextHtml(mattext: XmlElement): string {
  // Some exporters write XHTML elements straight inside <mattext>.
  if (elements(mattext).length > 0) return toHtml(mattext.children);
  const text = textContent(mattext);
  const type = (mattext.attrs.texttype ?? "").toLowerCase();
  // Without a texttype the profile says plain text, but exporters often leave HTML there unlabelled.
  if (type === "text/html" || (type === "" && looksLikeHtml(text))) return text;
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

/** One <material>'s content as HTML. */
export function materialHtml(material: XmlElement): string {
  return elements(material)
    .map((part) => {
      if (part.name === "mattext" || part.name === "matemtext") return part.name === "matemtext" ? `<em>${mattextHtml(part)}</em>` : mattextHtml(part);
      if (part.name === "matimage" && part.attrs.uri) return `<img src="${escapeHtml(part.attrs.uri)}" alt="${escapeHtml(part.attrs.label ?? "")}">`;
      if (part.name === "matbreak") return "<br>";
      return "";
    })
    .join("");
}

/** HTML as the bank's Markdown, after the caller's rewrite of its references. */
export function htmlMarkdown(html: string, rewrite: HtmlRewrite | undefined): string {
  return htmlToMarkdown(rewrite && html.includes("<") ? rewrite(html) : html);
}

/** The <material> elements of a <flow_mat>, a <response_label> or an <itemfeedback>, however deeply wrapped in <flow_mat>. */
export function materialsIn(element: XmlElement): XmlElement[] {
  return elements(element).flatMap((inner) => (inner.name === "material" ? [inner] : inner.name === "flow_mat" || inner.name === "flow" ? materialsIn(inner) : []));
}

/** A label's or feedback's text as Markdown. */
export function materialMarkdown(element: XmlElement, rewrite: HtmlRewrite | undefined): string {
  return htmlMarkdown(materialsIn(element).map(materialHtml).join(""), rewrite);
}

/** A label's text as written (plain), for answers compared with what a student types. */
export function materialPlain(element: XmlElement): string {
  return materialsIn(element)
    .map((material) => childrenNamed(material, "mattext").map(textContent).join(" "))
    .join(" ")
    .trim();
}

/** The feedback texts of an item, by ident. */
export function itemFeedback(item: XmlElement, rewrite: HtmlRewrite | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const feedback of childrenNamed(item, "itemfeedback")) {
    const ident = feedback.attrs.ident ?? "";
    const text = materialMarkdown(feedback, rewrite);
    if (ident && text) found.set(ident, text);
  }
  return found;
}
