import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, sectionMembers } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { loadManagedCourse } from "./access";
import { command } from "@/lib/actions/command";
import { courseStudents } from "./course-students";
import { ensureSections } from "./ensure-sections";
import { parseRosterCsv, type RosterProblem } from "./roster-csv";
import { planRoster, type PlannedRow } from "./roster-plan";
import { rosterCsvSchema } from "./schemas";
import { managedCourse } from "./section-commands";

// Sections from a CSV: first a preview of every row (its student, its section,
// new or not, and each bad row's line and reason), nothing saved; then the
// save, which checks the whole file again and keeps all of it or none.

export interface RosterPreview {
  rows: PlannedRow[];
  problems: RosterProblem[];
  newSections: string[];
  /** Rows that would add a membership (the others are already in place). */
  toAdd: number;
}

/** What the file would do to the course. Three statements after the course. */
export async function previewRoster(tx: DbOrTx, actor: Actor, input: { courseId: string; csv: string }): Promise<RosterPreview> {
  const course = await managedCourse(tx, actor, input.courseId);
  const file = parseRosterCsv(input.csv);
  if (!file.ok) fail(file.error, { csv: [file.error] });
  const [students, sections, memberships] = [
    await courseStudents(tx, course.id),
    await tx.select({ id: courseSections.id, name: courseSections.name }).from(courseSections).where(eq(courseSections.courseId, course.id)),
    await tx
      .select({ sectionId: sectionMembers.sectionId, userId: sectionMembers.userId })
      .from(sectionMembers)
      .innerJoin(courseSections, eq(courseSections.id, sectionMembers.sectionId))
      .where(eq(courseSections.courseId, course.id)),
  ];
  const plan = planRoster(file, { students, sections, memberships: new Set(memberships.map((m) => `${m.sectionId}:${m.userId}`)) });
  return { ...plan, toAdd: plan.rows.filter((row) => !row.alreadyMember).length };
}

export interface SavedRoster {
  courseId: string;
  added: number;
  newSections: string[];
}

export const rosterHasProblemsMessage = (count: number) =>
  `${count === 1 ? "One row needs" : `${count} rows need`} fixing first: nothing was saved.`;

export async function saveRoster(tx: DbOrTx, actor: Actor, input: { courseId: string; csv: string }): Promise<SavedRoster> {
  const preview = await previewRoster(tx, actor, input);
  if (preview.problems.length > 0) {
    const message = rosterHasProblemsMessage(preview.problems.length);
    fail(message, { csv: [message] });
  }
  if (preview.rows.length === 0) fail("The file names no student.", { csv: ["The file names no student."] });
  const { idByName, created } = await ensureSections(tx, actor, input.courseId, preview.newSections);
  const rows = preview.rows
    .filter((row) => !row.alreadyMember)
    .map((row) => ({ sectionId: row.section.id ?? idByName.get(row.section.name.toLowerCase())!, userId: row.student.id }));
  const inserted = rows.length > 0 ? await tx.insert(sectionMembers).values(rows).onConflictDoNothing().returning() : [];
  await recordAudit(tx, {
    actorId: actor.id,
    action: "section.csv_assigned",
    entityType: "course",
    entityId: input.courseId,
    after: {
      rows: preview.rows.length,
      added: inserted.map((row) => ({ sectionId: row.sectionId, userId: row.userId })),
      newSections: created.map((section) => ({ sectionId: section.id, name: section.name })),
    },
  });
  return { courseId: input.courseId, added: inserted.length, newSections: created.map((section) => section.name) };
}

export const previewRosterCommand = command({
  name: "section.csv_preview",
  schema: rosterCsvSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => previewRoster(tx, user, input),
});

export const saveRosterCommand = command({
  name: "section.csv_assign",
  schema: rosterCsvSchema,
  authorize: async (user, input, tx) => Boolean(await loadManagedCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => saveRoster(tx, user, input),
});
