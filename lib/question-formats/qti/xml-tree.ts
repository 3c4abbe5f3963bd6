import { XMLParser, XMLValidator } from "fast-xml-parser";
import { unsafeXmlReason } from "../xml/refuse-unsafe-xml";

// QTI's item body mixes HTML and qti elements, so it is read in document
// order into a small tree. Element and attribute names are normalised: the
// namespace prefix and QTI 3's "qti-" go, kebab-case becomes camelCase, so
// QTI 2.1's <choiceInteraction responseIdentifier> and QTI 3.0's
// <qti-choice-interaction response-identifier> read the same.

export interface XmlElement {
  name: string;
  /** The name as written (for HTML serialisation). */
  rawName: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  cdataPropName: "#cdata",
  commentPropName: "#comment",
});

export const normaliseName = (name: string) =>
  name
    .replace(/^[\w-]+:/, "")
    .replace(/^qti-/, "")
    .replace(/-([a-z])/g, (_, char: string) => char.toUpperCase());

function build(nodes: unknown[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const record = node as Record<string, unknown>;
    const attrs = (record[":@"] ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(record)) {
      if (key === ":@" || key === "#comment") continue;
      if (key === "#text") out.push(String(value));
      else if (key === "#cdata") out.push(...build(value as unknown[]).filter((child): child is string => typeof child === "string"));
      else if (key.startsWith("?")) continue;
      else {
        const normalised: Record<string, string> = {};
        for (const [name, attrValue] of Object.entries(attrs)) normalised[normaliseName(name)] = String(attrValue);
        out.push({ name: normaliseName(key), rawName: key, attrs: normalised, children: build(value as unknown[]) });
      }
    }
  }
  return out;
}

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; line: number | null; message: string };

export function parseXmlTree(xml: string): ParsedXml {
  const text = xml.replace(/^\uFEFF/, "");
  const unsafe = unsafeXmlReason(text);
  if (unsafe) return { ok: false, line: null, message: unsafe };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, line: valid.err.line ?? null, message: `The XML is not well-formed: ${valid.err.msg}` };
  const roots = build(parser.parse(text) as unknown[]).filter((node): node is XmlElement => typeof node !== "string");
  if (!roots[0]) return { ok: false, line: null, message: "The XML has no elements." };
  return { ok: true, root: roots[0] };
}

export const elements = (node: XmlElement) => node.children.filter((child): child is XmlElement => typeof child !== "string");
export const child = (node: XmlElement, name: string) => elements(node).find((element) => element.name === name);
export const childrenNamed = (node: XmlElement, name: string) => elements(node).filter((element) => element.name === name);

export function descendants(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const inner of elements(element)) {
      if (inner.name === name) found.push(inner);
      walk(inner);
    }
  };
  walk(node);
  return found;
}

export function textContent(node: XmlNode): string {
  return typeof node === "string" ? node : node.children.map(textContent).join("");
}

const escapeHtml = (text: string) => text.replace(/[<>&]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[char]!);
const escapeAttr = (text: string) => text.replace(/[<>&"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[char]!);

/** HTML of the nodes; `replace` may stand in for an element (an interaction) with other HTML. */
export function toHtml(nodes: readonly XmlNode[], replace: (element: XmlElement) => string | null = () => null): string {
  return nodes
    .map((node) => {
      if (typeof node === "string") return escapeHtml(node);
      const replaced = replace(node);
      if (replaced !== null) return replaced;
      const tag = node.rawName.replace(/^[\w-]+:/, "");
      const attrs = Object.entries(node.attrs)
        .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
        .join("");
      return `<${tag}${attrs}>${toHtml(node.children, replace)}</${tag}>`;
    })
    .join("");
}
