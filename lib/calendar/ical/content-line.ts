// RFC 5545 content lines (section 3.1): NAME;PARAM=value:VALUE, folded at 75
// octets with CRLF and one space, never inside a UTF-8 sequence; TEXT values
// escaped (section 3.3.11). Pure.

export const crlf = "\r\n";

/** Octets of a line before it is folded; a continuation line's leading space counts (RFC 5545 3.1). */
export const maxLineOctets = 75;

const encoder = new TextEncoder();

// Control characters other than a tab are not allowed in a value (3.3.11: TSAFE-CHAR); line breaks are escaped first.
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(controlCharacters, "")
    .replace(/[\\;,\n]/g, (character) => (character === "\n" ? "\\n" : `\\${character}`));
}

/** A parameter value: quoted when it holds a colon, semicolon or comma; quotes and control characters cannot appear at all. */
export function paramValue(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f"]/g, "");
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Folds one content line: the first line and each continuation (a space, then
 * the rest) hold at most 75 octets, and a break falls between characters,
 * never inside one character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= maxLineOctets) return line;
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > maxLineOctets) {
      lines.push(current);
      // The continuation line's leading space is one of its 75 octets.
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(crlf);
}

export type Params = Readonly<Record<string, string | undefined>>;

/** One property as a folded content line; `value` is written as given (escape TEXT with escapeText or textProperty). */
export function property(name: string, value: string, params: Params = {}): string {
  let head = name;
  for (const [param, paramText] of Object.entries(params)) {
    if (paramText !== undefined) head += `;${param}=${paramValue(paramText)}`;
  }
  return foldLine(`${head}:${value}`);
}

/** A property whose value is TEXT. */
export const textProperty = (name: string, text: string, params: Params = {}) => property(name, escapeText(text), params);
