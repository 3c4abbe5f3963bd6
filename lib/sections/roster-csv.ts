import { parse } from "csv-parse/sync";
import { cleanOneLine } from "@/lib/text/one-line";
import { sectionLimits } from "./schemas";

// Reading a CSV that puts students into sections: a header row, then one
// student (email or username) and one section name per row. Each bad row is
// reported with its line number and why; nothing here looks at the database.

export interface RosterRow {
  /** The file's line the row ends on (a quoted value may span lines). */
  line: number;
  /** The email or username as written, cleaned to one line. */
  identifier: string;
  sectionName: string;
}

export interface RosterProblem {
  line: number;
  message: string;
}

export type RosterFile = { ok: true; rows: RosterRow[]; problems: RosterProblem[] } | { ok: false; error: string };

const identityHeaders = new Set(["email", "username", "user", "student", "login", "email or username", "e-mail"]);
const sectionHeaders = new Set(["section", "section name", "group", "class"]);

export const rosterHeaderMessage = 'The first row must name the columns: one "email" (or "username") and one "section".';

const headerKey = (value: string) => cleanOneLine(value).toLowerCase().replace(/_/g, " ");

/** The rows of a roster CSV, or why the whole file cannot be read. */
export function parseRosterCsv(text: string): RosterFile {
  if (new TextEncoder().encode(text).length > sectionLimits.csvBytes) {
    return { ok: false, error: `The file may be at most ${sectionLimits.csvBytes / 1024} KB.` };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it ends in the file; csv-parse's types do not follow that option.
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : null;
    return { ok: false, error: `The file is not valid CSV${line ? ` (near line ${line})` : ""}: check its quotes and separators.` };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, error: "The file is empty." };
  const keys = header.record.map(headerKey);
  const identityColumn = keys.findIndex((key) => identityHeaders.has(key));
  const sectionColumn = keys.findIndex((key) => sectionHeaders.has(key));
  if (identityColumn < 0 || sectionColumn < 0) return { ok: false, error: rosterHeaderMessage };
  if (data.length === 0) return { ok: false, error: "The file has a header row but no students." };
  if (data.length > sectionLimits.csvRows) {
    return { ok: false, error: `The file has ${data.length} rows; a file may have at most ${sectionLimits.csvRows}. Split it into several.` };
  }

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of data) {
    const line = info.lines;
    const identifier = cleanOneLine(record[identityColumn] ?? "");
    const sectionName = cleanOneLine(record[sectionColumn] ?? "");
    if (record.every((cell) => cleanOneLine(cell) === "")) continue;
    if (identifier === "") {
      problems.push({ line, message: "No email or username." });
      continue;
    }
    if (identifier.length > 320) {
      problems.push({ line, message: "The email or username is too long to be one." });
      continue;
    }
    if (sectionName === "") {
      problems.push({ line, message: "No section name." });
      continue;
    }
    if (sectionName.length > sectionLimits.name) {
      problems.push({ line, message: `The section name is longer than ${sectionLimits.name} characters.` });
      continue;
    }
    const key = `${identifier.toLowerCase()}\u0000${sectionName.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, message: `Repeats line ${earlier}.` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, identifier, sectionName });
  }
  return { ok: true, rows, problems };
}
