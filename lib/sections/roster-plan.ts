import type { RosterProblem, RosterRow } from "./roster-csv";

// What a roster CSV would do to a course's sections, worked out from the
// rows and what the course already holds: for each row its student and
// section (new or existing) and whether the student is already in it; a row
// whose student is not enrolled is a problem. Pure, so the preview and the
// save decide exactly alike.

export interface RosterStudent {
  id: string;
  email: string;
  username: string;
  name: string;
}

export interface PlannedRow {
  line: number;
  student: { id: string; name: string };
  section: { name: string; id: string | null; isNew: boolean };
  /** Already a member: saving changes nothing for this row. */
  alreadyMember: boolean;
}

export interface RosterPlan {
  rows: PlannedRow[];
  problems: RosterProblem[];
  /** The sections the save creates, by the spelling of their first row. */
  newSections: string[];
}

export const notEnrolledMessage = "No student enrolled in this course has this email or username.";

export function planRoster(
  parsed: { rows: RosterRow[]; problems: RosterProblem[] },
  context: {
    students: readonly RosterStudent[];
    sections: readonly { id: string; name: string }[];
    /** "sectionId:userId" of every current membership of the course. */
    memberships: ReadonlySet<string>;
  },
): RosterPlan {
  const byIdentifier = new Map<string, RosterStudent>();
  for (const student of context.students) {
    byIdentifier.set(student.email.toLowerCase(), student);
    byIdentifier.set(student.username.toLowerCase(), student);
  }
  const sectionByKey = new Map(context.sections.map((section) => [section.name.toLowerCase(), section]));
  const newSections = new Map<string, string>();
  const problems = [...parsed.problems];
  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();

  for (const row of parsed.rows) {
    const student = byIdentifier.get(row.identifier.toLowerCase());
    if (!student) {
      problems.push({ line: row.line, message: notEnrolledMessage });
      continue;
    }
    const key = row.sectionName.toLowerCase();
    // Two rows naming the same student differently (email, then username) are still one membership.
    const pair = `${student.id}\u0000${key}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) {
      problems.push({ line: row.line, message: `Repeats line ${earlier} (the same student and section).` });
      continue;
    }
    seen.set(pair, row.line);
    const existing = sectionByKey.get(key);
    if (!existing && !newSections.has(key)) newSections.set(key, row.sectionName);
    rows.push({
      line: row.line,
      student: { id: student.id, name: student.name },
      section: existing ? { name: existing.name, id: existing.id, isNew: false } : { name: newSections.get(key)!, id: null, isNew: true },
      alreadyMember: existing ? context.memberships.has(`${existing.id}:${student.id}`) : false,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, newSections: [...newSections.values()] };
}
