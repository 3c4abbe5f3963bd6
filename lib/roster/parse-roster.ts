import { parse } from "csv-parse/sync";
import { rosterColumns, requiredRosterColumns, rosterLimits, type RosterColumn } from "./columns";

// Turns an uploaded file into the roster's cells, line by line, or one clear
// reason why it is not a roster at all. Pure: the preview and the commit both
// start here, with the same bytes.

export type RosterCells = Partial<Record<RosterColumn, string>>;

export interface RawRosterRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  cells: RosterCells;
}

export type ParsedRoster = { ok: true; rows: RawRosterRow[] } | { ok: false; message: string };

const columnList = rosterColumns.join(", ");

/** The header mapped to our columns: names compared trimmed and case-insensitively, in any order. */
export function mapRosterHeader(header: readonly string[]): { ok: true; columns: RosterColumn[] } | { ok: false; message: string } {
  const columns: RosterColumn[] = [];
  for (const [index, raw] of header.entries()) {
    const name = raw.trim().toLowerCase();
    if (name === "") return { ok: false, message: `Column ${index + 1} of the header has no name. Use only: ${columnList}.` };
    const known = rosterColumns.find((column) => column === name);
    if (!known) return { ok: false, message: `Unknown column “${raw.trim().slice(0, 40)}” (column ${index + 1}). Use only: ${columnList}.` };
    if (columns.includes(known)) return { ok: false, message: `The column “${known}” appears twice in the header.` };
    columns.push(known);
  }
  const absent = requiredRosterColumns.filter((column) => !columns.includes(column));
  if (absent.length > 0) return { ok: false, message: `The header needs the column${absent.length === 1 ? "" : "s"} ${absent.join(", ")}.` };
  return { ok: true, columns };
}

/** Decodes UTF-8 strictly: a file saved in another encoding is refused, not read as mojibake. */
function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function parseRoster(bytes: Uint8Array): ParsedRoster {
  if (bytes.byteLength === 0) return { ok: false, message: "The file is empty. Download the template to see what a roster looks like." };
  if (bytes.byteLength > rosterLimits.fileBytes) {
    return { ok: false, message: `The file is larger than ${rosterLimits.fileBytes / (1024 * 1024)} MB, the most an import reads.` };
  }
  const text = decode(bytes);
  if (text === null) return { ok: false, message: "The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and try again." };
  // A spreadsheet file (xlsx is a zip) or other binary decodes only rarely, and then holds NUL bytes.
  if (text.includes("\u0000")) return { ok: false, message: "This is not a CSV file. In your spreadsheet, save it as “CSV UTF-8” and try again." };
  if (text.replace(/^\ufeff/, "").trim() === "") return { ok: false, message: "The file is empty. Download the template to see what a roster looks like." };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    // One line ending everywhere: csv-parse counts a CRLF inside a quoted cell as two lines, which would shift every later line number.
    records = parse(text.replace(/\r\n?/g, "\n"), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: rosterLimits.cellChars * rosterColumns.length * 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : null;
    const code = (error as { code?: string }).code ?? "";
    const why =
      code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || code === "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH"
        ? "it has a different number of cells from the header"
        : code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quote opened there is never closed"
          : code === "CSV_MAX_RECORD_SIZE"
            ? "a row there is far longer than a roster row can be"
            : "its quotes or commas are not valid CSV";
    return { ok: false, message: `The file could not be read as CSV${line ? ` at line ${line}` : ""}: ${why}.` };
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, message: "The file is empty. Download the template to see what a roster looks like." };
  const header = mapRosterHeader(head.record);
  if (!header.ok) return header;
  if (body.length === 0) return { ok: false, message: "The file has a header but no rows." };
  if (body.length > rosterLimits.rows) {
    return { ok: false, message: `The file has ${body.length} rows; an import takes at most ${rosterLimits.rows}. Split it into several files.` };
  }
  const rows = body.map(({ record, info }) => {
    // info.lines is the line the record ends on; a quoted cell may span several.
    const spanned = record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells: RosterCells = {};
    header.columns.forEach((column, index) => {
      cells[column] = record[index] ?? "";
    });
    return { line: info.lines - spanned, cells };
  });
  return { ok: true, rows };
}
