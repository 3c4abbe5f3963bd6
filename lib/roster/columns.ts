// The roster CSV's columns and limits. Pure, shared by the parser, the
// template, the import page and the docs: no database, no server-only.

export const rosterColumns = ["name", "email", "username", "role", "class", "course", "section", "cohort"] as const;
export type RosterColumn = (typeof rosterColumns)[number];

/** Columns a file must have; the others may be left out. */
export const requiredRosterColumns = ["email", "username", "role"] as const satisfies readonly RosterColumn[];

export const rosterLimits = {
  /** The most bytes of a file read; the route stops reading past it. */
  fileBytes: 1024 * 1024,
  /** Rows after the header. */
  rows: 5000,
  /** Characters in one cell: longer than any field may be, so anything past it is not a roster. */
  cellChars: 300,
} as const;

export const rosterColumnHints: Record<RosterColumn, string> = {
  name: "The person's name as others see it (optional, at most 200 characters).",
  email: "Required. Matches an existing account (case does not matter), which is then updated; otherwise a new account is created.",
  username: "Required for a new account: 3-150 letters, digits or underscores. Blank keeps an existing account's.",
  role: "student, teacher or admin. Required for a new account; blank keeps an existing account's.",
  class: "A student's class or grade, 1 to 13 (optional).",
  course: "The slug of a published course to enrol the student in (optional; students only).",
  section: "A section of that course, by name; made if it does not exist yet (optional, needs a course).",
  cohort: "A cohort, by name; made if it does not exist yet (optional).",
};
