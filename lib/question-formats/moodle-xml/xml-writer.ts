// The small pieces of XML the exporter writes, kept valid whatever the text:
// characters XML 1.0 cannot hold are dropped, text that needs it goes in
// CDATA (as Moodle's own xml_escape does), and a "]]>" inside it is split
// across two sections so it never ends one early.

// C0 controls other than tab and line breaks, U+FFFE/U+FFFF and lone surrogates.
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string): string => text.replace(invalidXmlChars, "");

export const escapeXml = (text: string): string =>
  xmlSafe(text).replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char] ?? char);

/** Text as element content: in CDATA when it has markup characters, as is otherwise. */
export function textContent(text: string): string {
  const safe = xmlSafe(text);
  if (!/[<>&]/.test(safe)) return safe;
  return `<![CDATA[${safe.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** Moodle's <text>…</text>. */
export const textElement = (text: string): string => `<text>${textContent(text)}</text>`;

/** An element holding just a <text>, e.g. <name><text>…</text></name>. */
export const wrappedText = (tag: string, text: string, attributes = ""): string => `<${tag}${attributes}>${textElement(text)}</${tag}>`;

/** A number as text (-0 as 0, which Moodle would otherwise read as "-0"). */
export const formatNumber = (value: number): string => (Object.is(value, -0) ? "0" : String(value));
