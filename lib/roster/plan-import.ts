import { createHash } from "node:crypto";
import { and, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohorts, courseSections, courses, enrollments, users } from "@/db/schema";
import type { EnrollmentStatus, UserRole } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { roleLabels } from "@/lib/auth/roles";
import type { RosterRow } from "./validate-rows";

// What an import would do, row by row, from a handful of set-wise lookups
// (six statements whatever the number of rows). The preview shows it; the
// commit computes it again in its own transaction and saves exactly it.

export type RowAction = "create" | "update" | "unchanged" | "invalid";

export interface PlannedRow {
  line: number;
  email: string;
  username: string | null;
  name: string | null;
  /** The role the account will have (the row's, or the account's own when the cell is blank). */
  role: UserRole | null;
  gradeLevel: number | null;
  action: RowAction;
  /** For an existing account: what the import changes, in words. */
  changes: string[];
  existingUserId: string | null;
  /** The existing account as it was, for the audit entries of an update. */
  before: { displayName: string | null; username: string; role: UserRole; gradeLevel: number | null } | null;
  course: { id: string; slug: string; title: string } | null;
  /** "new" enrols, "reactivate" brings a dropped enrolment back, "already" leaves it as it is. */
  enrolment: "new" | "reactivate" | "already" | null;
  section: { id: string | null; name: string } | null;
  cohort: { id: string | null; name: string } | null;
  errors: string[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** A digest of the file and of every planned change: the commit refuses if it differs from the preview's. */
  token: string;
}

interface ExistingUser {
  id: string;
  email: string;
  username: string;
  displayName: string | null;
  role: UserRole;
  gradeLevel: number | null;
  anonymizedAt: Date | null;
}

const lower = (value: string) => value.toLowerCase();
const unique = <T>(values: T[]) => [...new Set(values)];

export async function planImport(db: DbOrTx, actor: Actor, rows: RosterRow[], fileHash: string): Promise<ImportPlan> {
  const emails = unique(rows.map((row) => row.email).filter((email) => email !== ""));
  const usernames = unique(rows.flatMap((row) => (row.username ? [lower(row.username)] : [])));
  const slugs = unique(rows.flatMap((row) => (row.courseSlug ? [row.courseSlug] : [])));
  const cohortNames = unique(rows.flatMap((row) => (row.cohortName ? [lower(row.cohortName)] : [])));

  const [byEmailRows, byUsernameRows, courseRows, cohortRows] = await Promise.all([
    emails.length === 0
      ? []
      : db
          .select({
            id: users.id,
            email: users.email,
            username: users.username,
            displayName: users.displayName,
            role: users.role,
            gradeLevel: users.gradeLevel,
            anonymizedAt: users.anonymizedAt,
          })
          .from(users)
          .where(inArray(sql`lower(${users.email})`, emails)),
    usernames.length === 0
      ? []
      : db
          .select({ id: users.id, username: users.username })
          .from(users)
          .where(inArray(sql`lower(${users.username})`, usernames)),
    slugs.length === 0
      ? []
      : db.select({ id: courses.id, slug: courses.slug, title: courses.title, status: courses.status }).from(courses).where(inArray(courses.slug, slugs)),
    cohortNames.length === 0
      ? []
      : db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(inArray(sql`lower(${cohorts.name})`, cohortNames)),
  ]);
  const byEmail = new Map<string, ExistingUser>(byEmailRows.map((row) => [lower(row.email), row]));
  const usernameOwner = new Map(byUsernameRows.map((row) => [lower(row.username), row.id]));
  const courseBySlug = new Map(courseRows.map((row) => [row.slug, row]));
  const cohortByName = new Map(cohortRows.map((row) => [lower(row.name), row]));

  const courseIds = courseRows.map((row) => row.id);
  const existingIds = byEmailRows.map((row) => row.id);
  const [sectionRows, enrolmentRows] = await Promise.all([
    courseIds.length === 0
      ? []
      : db.select({ id: courseSections.id, courseId: courseSections.courseId, name: courseSections.name }).from(courseSections).where(inArray(courseSections.courseId, courseIds)),
    courseIds.length === 0 || existingIds.length === 0
      ? []
      : db
          .select({ userId: enrollments.userId, courseId: enrollments.courseId, status: enrollments.status })
          .from(enrollments)
          .where(and(inArray(enrollments.courseId, courseIds), inArray(enrollments.userId, existingIds))),
  ]);
  const sectionByKey = new Map(sectionRows.map((row) => [`${row.courseId}:${lower(row.name)}`, row]));
  const enrolmentOf = new Map<string, EnrollmentStatus>(enrolmentRows.map((row) => [`${row.userId}:${row.courseId}`, row.status]));

  const planned = rows.map((row) => planRow(row, actor, { byEmail, usernameOwner, courseBySlug, cohortByName, sectionByKey, enrolmentOf }));
  return { rows: planned, token: planToken(fileHash, planned) };
}

interface Lookups {
  byEmail: Map<string, ExistingUser>;
  usernameOwner: Map<string, string>;
  courseBySlug: Map<string, { id: string; slug: string; title: string; status: string }>;
  cohortByName: Map<string, { id: string; name: string }>;
  sectionByKey: Map<string, { id: string; name: string }>;
  enrolmentOf: Map<string, EnrollmentStatus>;
}

function planRow(row: RosterRow, actor: Actor, lookups: Lookups): PlannedRow {
  const errors = [...row.errors];
  const existing = row.email ? lookups.byEmail.get(row.email) : undefined;
  const role = row.role ?? existing?.role ?? null;

  if (existing?.anonymizedAt) errors.push("This account is anonymised: it can no longer be changed.");
  if (existing && existing.id === actor.id && role !== existing.role) errors.push("This is your own account: you cannot change your own role.");
  if (!existing && !row.username && !row.errors.some((error) => error.startsWith("The username"))) errors.push("A new account needs a username.");
  if (!existing && !row.role && !row.errors.some((error) => error.startsWith("The role"))) errors.push("A new account needs a role.");
  if (row.username) {
    const owner = lookups.usernameOwner.get(lower(row.username));
    if (owner && owner !== existing?.id) errors.push(`The username ${row.username} belongs to another account.`);
  }
  if (row.gradeLevel !== null && role && role !== "student") errors.push(`Only students have a class; this row's role is ${roleLabels[role].toLowerCase()}.`);
  const gradeLevel = role === "student" ? (row.gradeLevel ?? existing?.gradeLevel ?? null) : null;

  let course: PlannedRow["course"] = null;
  let enrolment: PlannedRow["enrolment"] = null;
  let section: PlannedRow["section"] = null;
  if (row.courseSlug) {
    const found = lookups.courseBySlug.get(row.courseSlug);
    if (!found) errors.push(`No course has the slug “${row.courseSlug}”.`);
    else if (found.status !== "published") errors.push(`The course “${found.title}” is not published, so nobody can be enrolled in it.`);
    else {
      course = { id: found.id, slug: found.slug, title: found.title };
      if (role && role !== "student") errors.push(`Only students are enrolled in courses; this row's role is ${roleLabels[role].toLowerCase()}.`);
      const status = existing ? lookups.enrolmentOf.get(`${existing.id}:${found.id}`) : undefined;
      if (status === "suspended") errors.push(`The enrolment in “${found.title}” is suspended: lift the suspension first, or leave the course blank.`);
      enrolment = status === undefined ? "new" : status === "dropped" ? "reactivate" : "already";
      if (row.sectionName) {
        const known = lookups.sectionByKey.get(`${found.id}:${lower(row.sectionName)}`);
        section = { id: known?.id ?? null, name: known?.name ?? row.sectionName };
      }
    }
  }
  const knownCohort = row.cohortName ? lookups.cohortByName.get(lower(row.cohortName)) : undefined;
  const cohort = row.cohortName ? { id: knownCohort?.id ?? null, name: knownCohort?.name ?? row.cohortName } : null;

  const changes: string[] = [];
  if (existing) {
    if (row.name !== null && row.name !== existing.displayName) changes.push(`Name: ${existing.displayName ?? "none"} → ${row.name}`);
    if (row.username && row.username !== existing.username) changes.push(`Username: ${existing.username} → ${row.username}`);
    if (role && role !== existing.role) changes.push(`Role: ${roleLabels[existing.role]} → ${roleLabels[role]}`);
    if (gradeLevel !== existing.gradeLevel) changes.push(`Class: ${existing.gradeLevel ?? "none"} → ${gradeLevel ?? "none"}`);
  }
  const action: RowAction = errors.length > 0 ? "invalid" : !existing ? "create" : changes.length > 0 ? "update" : "unchanged";
  return {
    line: row.line,
    email: row.email,
    username: row.username ?? existing?.username ?? null,
    name: row.name ?? existing?.displayName ?? null,
    role,
    gradeLevel,
    action,
    changes,
    existingUserId: existing?.id ?? null,
    before: existing ? { displayName: existing.displayName, username: existing.username, role: existing.role, gradeLevel: existing.gradeLevel } : null,
    course,
    enrolment,
    section,
    cohort,
    errors,
  };
}

function planToken(fileHash: string, rows: PlannedRow[]): string {
  const digest = createHash("sha256").update(fileHash);
  for (const row of rows) {
    digest.update(
      JSON.stringify([row.line, row.action, row.existingUserId, row.changes, row.course?.id, row.enrolment, row.section, row.cohort, row.errors.length]),
    );
  }
  return digest.digest("base64url");
}

export const fileHashOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
