// Spreadsheet programs run a cell that starts with =, +, - or @ (and some
// with a leading tab or carriage return) as a formula, so a student named
// "=HYPERLINK(...)" could attack the teacher who opens an export. Such cells
// get a leading apostrophe, which spreadsheets show as text.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field: formula-neutralised, then quoted when it holds a comma, quote or line break. */
export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record with its line ending (CRLF, as RFC 4180 says). */
export const csvRow = (cells: readonly (string | number | boolean | null | undefined)[]): string =>
  `${cells.map(escapeCsvCell).join(",")}\r\n`;
