import type { UserRole } from "@/db/schema/enums";
import { maxGradeLevel, minGradeLevel } from "@/lib/users/account-schemas";
import { emailSchema, usernameSchema } from "@/lib/auth/schemas";
import { roles } from "@/lib/auth/roles";
import { cleanOneLine } from "@/lib/text/one-line";
import { rosterLimits, type RosterColumn } from "./columns";
import type { RawRosterRow } from "./parse-roster";

// Checks each row on its own and against the other rows of the file (the
// same email or username twice). What needs the database (does the account
// exist, is the course published) is decided by plan-import.ts. Pure.

export interface RosterRow {
  line: number;
  /** Lower-cased. */
  email: string;
  /** Null when the cell is blank (an existing account keeps its own). */
  username: string | null;
  name: string | null;
  role: UserRole | null;
  gradeLevel: number | null;
  courseSlug: string | null;
  sectionName: string | null;
  cohortName: string | null;
  errors: string[];
}

const textColumns = ["name", "email", "username", "role", "course", "section", "cohort"] as const satisfies readonly RosterColumn[];
const maxLengths = { name: 200, course: 220, section: 100, cohort: 200 } as const;
const columnLabels: Record<RosterColumn, string> = {
  name: "name",
  email: "email",
  username: "username",
  role: "role",
  class: "class",
  course: "course",
  section: "section",
  cohort: "cohort",
};

// Spreadsheets run a cell starting with one of these as a formula (CSV
// injection): such a value is refused on the way in, never stored.
const formulaStart = /^[=+\-@\t\r]/;
const formulaStartName = (value: string) => (value.startsWith("\t") ? "a tab" : value.startsWith("\r") ? "a line break" : `“${value[0]}”`);

/** Why a cell would be run as a formula by a spreadsheet, or null. */
export function formulaProblem(column: RosterColumn, raw: string): string | null {
  const start = raw.replace(/^ +/, "");
  if (!formulaStart.test(raw) && !formulaStart.test(start)) return null;
  const offending = formulaStart.test(raw) ? raw : start;
  return `The ${columnLabels[column]} starts with ${formulaStartName(offending)}, which spreadsheets run as a formula. Remove that character.`;
}

function validateOne({ line, cells }: RawRosterRow): RosterRow {
  const errors: string[] = [];
  const cell = (column: RosterColumn) => cells[column] ?? "";
  for (const column of Object.keys(cells) as RosterColumn[]) {
    if (cell(column).length > rosterLimits.cellChars) errors.push(`The ${columnLabels[column]} is longer than ${rosterLimits.cellChars} characters.`);
  }
  for (const column of textColumns) {
    const problem = formulaProblem(column, cell(column));
    if (problem) errors.push(problem);
  }
  const text = (column: RosterColumn) => cleanOneLine(cell(column).slice(0, rosterLimits.cellChars));
  const optional = (column: keyof typeof maxLengths) => {
    const value = text(column);
    if (value.length > maxLengths[column]) errors.push(`The ${columnLabels[column]} has more than ${maxLengths[column]} characters.`);
    return value === "" ? null : value;
  };

  const emailText = text("email");
  let email = emailText.toLowerCase();
  if (emailText === "") errors.push("The email is missing.");
  else {
    const parsed = emailSchema.safeParse(emailText);
    if (parsed.success) email = parsed.data;
    else errors.push(`The email “${emailText.slice(0, 80)}” is not a valid address.`);
  }

  const usernameText = text("username");
  let username: string | null = null;
  if (usernameText !== "") {
    const parsed = usernameSchema.safeParse(usernameText);
    if (parsed.success) username = parsed.data;
    else errors.push(`The username “${usernameText.slice(0, 80)}”: ${parsed.error.issues[0]!.message}`);
  }

  const roleText = text("role").toLowerCase();
  const role = roleText === "" ? null : (roles.find((candidate) => candidate === roleText) ?? null);
  if (roleText !== "" && !role) errors.push(`The role “${text("role").slice(0, 40)}” is unknown: use student, teacher or admin.`);

  const classText = text("class");
  let gradeLevel: number | null = null;
  if (classText !== "") {
    const value = /^\d{1,2}$/.test(classText) ? Number(classText) : NaN;
    if (Number.isInteger(value) && value >= minGradeLevel && value <= maxGradeLevel) gradeLevel = value;
    else errors.push(`The class “${classText.slice(0, 20)}” is not a number from ${minGradeLevel} to ${maxGradeLevel}.`);
  }

  const courseSlug = optional("course");
  const sectionName = optional("section");
  const cohortName = optional("cohort");
  if (sectionName && !courseSlug) errors.push("A section needs a course: fill in the course column too.");

  return { line, email, username, name: optional("name"), role, gradeLevel, courseSlug, sectionName, cohortName, errors };
}

/** Every row checked, with the file's own duplicates marked on their later lines. */
export function validateRosterRows(rawRows: readonly RawRosterRow[]): RosterRow[] {
  const rows = rawRows.map(validateOne);
  const emailLines = new Map<string, number>();
  const usernameLines = new Map<string, number>();
  for (const row of rows) {
    if (row.email !== "") {
      const first = emailLines.get(row.email);
      if (first !== undefined) row.errors.push(`The email ${row.email} is also on line ${first}.`);
      else emailLines.set(row.email, row.line);
    }
    if (row.username) {
      const key = row.username.toLowerCase();
      const first = usernameLines.get(key);
      if (first !== undefined) row.errors.push(`The username ${row.username} is also on line ${first}.`);
      else usernameLines.set(key, row.line);
    }
  }
  return rows;
}
