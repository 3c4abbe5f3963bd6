import { escapeXml } from "@/lib/question-formats/moodle-xml/xml-writer";

// The cartridge's XML is built from values, never by pasting strings: a child
// that is a string is text and is escaped here, and only what `element` made
// goes in as markup, so no title or question text can open an element.

export interface XmlMarkup {
  readonly markup: string;
}

export type XmlChild = XmlMarkup | string | number | null | undefined | false | readonly XmlChild[];
export type XmlAttributes = Record<string, string | number | null | undefined>;

function flatten(children: readonly XmlChild[]): (XmlMarkup | string)[] {
  return children.flatMap((child): (XmlMarkup | string)[] => {
    if (child === null || child === undefined || child === false) return [];
    if (Array.isArray(child)) return flatten(child);
    if (typeof child === "object") return [child as XmlMarkup];
    return [escapeXml(String(child))];
  });
}

export function element(name: string, attributes: XmlAttributes = {}, ...children: XmlChild[]): XmlMarkup {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  const parts = flatten(children);
  if (parts.length === 0) return { markup: `<${name}${attrs}/>` };
  // Line breaks only between child elements: inside text they would change the text.
  const elementsOnly = parts.every((part) => typeof part !== "string");
  const inner = parts.map((part) => (typeof part === "string" ? part : part.markup)).join(elementsOnly ? "\n" : "");
  return { markup: elementsOnly ? `<${name}${attrs}>\n${inner}\n</${name}>` : `<${name}${attrs}>${inner}</${name}>` };
}

export const xmlDocument = (root: XmlMarkup): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root.markup}\n`;
