import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";

// Moodle XML read into plain objects: every child element is an array (so a
// question with one answer reads like one with five), every element carries
// its text under "#text" (CDATA included, in document order), attributes are
// "@_name". The accessors below are the only code that looks at that shape.

export type XmlElement = Readonly<Record<string, unknown>>;

const xmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const entityPattern = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;

const isXmlChar = (code: number) =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/**
 * The five predefined entities and character references, in one pass: a
 * replacement is never read again, so nothing expands. Anything else (an
 * HTML entity such as &nbsp;, which XML does not define) stays as written.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(entityPattern, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return xmlEntities[name] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? "", 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : whole;
  });
}

// fast-xml-parser decodes character references only with its HTML entity table
// switched on; this decoder gives XML's own set and nothing more.
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: decodeXmlEntities,
};

const textKey = "#text";
const attributePrefix = "@_";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: attributePrefix,
  textNodeName: textKey,
  alwaysCreateTextNode: true,
  // Markdown and plain text keep their spacing; callers trim where Moodle does.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  entityDecoder,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

export type XmlDocument = { ok: true; rootName: string; root: XmlElement } | { ok: false; line: number | null; message: string };

const isElement = (value: unknown): value is XmlElement => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks the XML is well formed (with the line of the first error), then reads it. */
export function readXmlDocument(xml: string): XmlDocument {
  try {
    const verdict = XMLValidator.validate(xml);
    if (verdict !== true) return { ok: false, line: verdict.err.line ?? null, message: `The file is not well-formed XML: ${verdict.err.msg}` };
    const document: unknown = parser.parse(xml);
    if (!isElement(document)) return { ok: false, line: null, message: "The file has no XML element." };
    const rootName = Object.keys(document).find((key) => key !== textKey && !key.startsWith("?") && !key.startsWith(attributePrefix));
    const root = rootName === undefined ? undefined : children(document, rootName)[0];
    if (rootName === undefined || root === undefined) return { ok: false, line: null, message: "The file has no XML element." };
    return { ok: true, rootName, root };
  } catch (error) {
    // The parser's own limits (nesting depth, say) end in an exception; the teacher gets its message.
    return { ok: false, line: null, message: `The file could not be read as XML: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => children(element, name)[0];

/** The element's own text (CDATA included); "" when it has none. */
export function textOf(element: XmlElement | undefined): string {
  const value = element?.[textKey];
  return typeof value === "string" ? value : "";
}

/** The text of a child element, e.g. <single>true</single>. */
export const childText = (element: XmlElement | undefined, name: string): string => textOf(child(element, name));

/** Moodle's common <name><text>…</text></name> shape. */
export const nestedText = (element: XmlElement | undefined, name: string): string => textOf(child(child(element, name), "text"));

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`${attributePrefix}${name}`];
  return typeof value === "string" ? value : undefined;
}

export const hasChild = (element: XmlElement | undefined, name: string): boolean => children(element, name).length > 0;
