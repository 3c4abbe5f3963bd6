import { and, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, cohorts, courseSections, sectionMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { publishAll } from "@/lib/events/publish";
import { invitedPasswordHash } from "@/lib/users/invited";
import { addCohortMembers } from "@/lib/cohorts/add-members";
import { enrolStudentsInCourse } from "@/lib/cohorts/enrol-students";
import { chunks } from "./chunks";
import type { PlannedRow } from "./plan-import";
import { queueInvitations } from "./send-invitations";

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  enrolments: number;
  sectionsCreated: number;
  sectionMemberships: number;
  cohortsCreated: number;
  cohortMemberships: number;
  invitationsQueued: number;
  createdUsers: { id: string; email: string; name: string }[];
}

const lower = (value: string) => value.toLowerCase();
type Audit = typeof auditLog.$inferInsert;

/**
 * Saves a plan whose every row is valid, in the caller's transaction: new
 * accounts (no password; an invitation each, queued), updates (name,
 * username, role, class; never the password), enrolments, sections and
 * cohorts (made when missing). Set-wise: the statements grow with the
 * courses, sections and cohorts named, not with the rows.
 */
export async function commitImport(tx: DbOrTx, actor: Actor, rows: PlannedRow[], fileHash: string): Promise<ImportReport> {
  const audits: Audit[] = [];
  const userIdOf = new Map<string, string>();
  for (const row of rows) if (row.existingUserId) userIdOf.set(row.email, row.existingUserId);

  const toCreate = rows.filter((row) => row.action === "create");
  for (const batch of chunks(toCreate)) {
    const created = await tx
      .insert(users)
      .values(
        batch.map((row) => ({
          email: row.email,
          username: row.username!,
          displayName: row.name,
          role: row.role!,
          gradeLevel: row.gradeLevel,
          passwordHash: invitedPasswordHash,
        })),
      )
      .returning({ id: users.id, email: users.email });
    for (const user of created) userIdOf.set(lower(user.email), user.id);
  }
  for (const row of toCreate) {
    audits.push({
      actorId: actor.id,
      action: "user.created",
      entityType: "user",
      entityId: userIdOf.get(row.email)!,
      after: { email: row.email, username: row.username, displayName: row.name, role: row.role, gradeLevel: row.gradeLevel, via: "import" },
    });
  }

  const toUpdate = rows.filter((row) => row.action === "update");
  for (const batch of chunks(toUpdate)) {
    const values = sql.join(
      batch.map((row) => sql`(${row.existingUserId}::uuid, ${row.name}::varchar, ${row.username}::varchar, ${row.role}::user_role, ${row.gradeLevel}::smallint)`),
      sql`, `,
    );
    await tx.execute(sql`
      UPDATE users AS u
      SET display_name = v.display_name, username = v.username, role = v.role, grade_level = v.grade_level, updated_at = now()
      FROM (VALUES ${values}) AS v(id, display_name, username, role, grade_level)
      WHERE u.id = v.id`);
  }
  const roleChanges = toUpdate.filter((row) => row.before && row.role !== row.before.role);
  for (const row of toUpdate) {
    const before = row.before!;
    if (row.role !== before.role) {
      audits.push({ actorId: actor.id, action: "user.role_changed", entityType: "user", entityId: row.existingUserId, before: { role: before.role }, after: { role: row.role } });
    }
    audits.push({
      actorId: actor.id,
      action: "user.updated",
      entityType: "user",
      entityId: row.existingUserId,
      before: { displayName: before.displayName, username: before.username, gradeLevel: before.gradeLevel },
      after: { displayName: row.name, username: row.username, gradeLevel: row.gradeLevel, via: "import" },
    });
  }

  const invitationsQueued = await queueInvitations(
    tx,
    actor.id,
    toCreate.map((row) => ({ userId: userIdOf.get(row.email)!, username: row.username!, role: row.role! })),
  );
  await publishAll(
    tx,
    [
      ...toCreate.map((row) => {
        const userId = userIdOf.get(row.email)!;
        return { type: "user.created" as const, aggregateId: userId, payload: { userId, role: row.role! } };
      }),
      ...roleChanges.map((row) => ({
        type: "user.role_changed" as const,
        aggregateId: row.existingUserId!,
        payload: { userId: row.existingUserId!, from: row.before!.role, to: row.role! },
      })),
    ],
    actor.id,
  );

  const sections = await ensureSections(tx, rows);
  let enrolments = 0;
  const byCourse = groupBy(rows.filter((row) => row.course), (row) => row.course!.id);
  for (const [courseId, courseRows] of byCourse) {
    const result = await enrolStudentsInCourse(tx, actor.id, { courseId, userIds: courseRows.map((row) => userIdOf.get(row.email)!) });
    enrolments += result.enrolled;
  }
  const memberships = rows.flatMap((row) =>
    row.course && row.section ? [{ sectionId: sections.idOf(row.course.id, row.section.name), userId: userIdOf.get(row.email)! }] : [],
  );
  let sectionMemberships = 0;
  for (const batch of chunks(memberships)) {
    const inserted = await tx.insert(sectionMembers).values(batch).onConflictDoNothing().returning({ userId: sectionMembers.userId });
    sectionMemberships += inserted.length;
  }

  const cohortIds = await ensureCohorts(tx, actor.id, rows);
  let cohortMemberships = 0;
  const byCohort = groupBy(rows.filter((row) => row.cohort), (row) => cohortIds.idOf(row.cohort!.name));
  for (const [cohortId, cohortRows] of byCohort) {
    const added = await addCohortMembers(tx, actor.id, cohortId, cohortRows.map((row) => userIdOf.get(row.email)!));
    cohortMemberships += added.added;
    enrolments += added.enrolments;
    if (added.added > 0) {
      audits.push({ actorId: actor.id, action: "cohort.members_added", entityType: "cohort", entityId: cohortId, after: { added: added.added, enrolments: added.enrolments, via: "import" } });
    }
  }
  for (const cohort of cohortIds.created) {
    audits.push({ actorId: actor.id, action: "cohort.created", entityType: "cohort", entityId: cohort.id, after: { name: cohort.name, via: "import" } });
  }

  const report: ImportReport = {
    created: toCreate.length,
    updated: toUpdate.length,
    unchanged: rows.filter((row) => row.action === "unchanged").length,
    enrolments,
    sectionsCreated: sections.created,
    sectionMemberships,
    cohortsCreated: cohortIds.created.length,
    cohortMemberships,
    invitationsQueued,
    createdUsers: toCreate.map((row) => ({ id: userIdOf.get(row.email)!, email: row.email, name: row.name ?? row.username! })),
  };
  const { createdUsers: _createdUsers, ...counts } = report;
  audits.push({ actorId: actor.id, action: "user.imported", entityType: "user_import", entityId: fileHash.slice(0, 64), after: { rows: rows.length, ...counts } });
  for (const batch of chunks(audits)) await tx.insert(auditLog).values(batch);
  return report;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The sections the rows name, made when missing (two statements). */
async function ensureSections(tx: DbOrTx, rows: PlannedRow[]) {
  const wanted = new Map<string, { courseId: string; name: string }>();
  for (const row of rows) {
    const key = row.course && row.section ? `${row.course.id}:${lower(row.section.name)}` : null;
    // The first row's spelling names a new section.
    if (key && !wanted.has(key)) wanted.set(key, { courseId: row.course!.id, name: row.section!.name });
  }
  const ids = new Map<string, string>();
  let created = 0;
  const missing = [...wanted.values()].filter((section) => !rows.some((row) => row.course?.id === section.courseId && row.section?.id && lower(row.section.name) === lower(section.name)));
  if (missing.length > 0) {
    const inserted = await tx.insert(courseSections).values(missing).onConflictDoNothing().returning({ id: courseSections.id });
    created = inserted.length;
  }
  if (wanted.size > 0) {
    const courseIds = [...new Set([...wanted.values()].map((section) => section.courseId))];
    const found = await tx
      .select({ id: courseSections.id, courseId: courseSections.courseId, name: courseSections.name })
      .from(courseSections)
      .where(and(inArray(courseSections.courseId, courseIds), inArray(sql`lower(${courseSections.name})`, [...new Set([...wanted.values()].map((section) => lower(section.name)))])));
    for (const section of found) ids.set(`${section.courseId}:${lower(section.name)}`, section.id);
  }
  return { created, idOf: (courseId: string, name: string) => ids.get(`${courseId}:${lower(name)}`)! };
}

/** The cohorts the rows name, made when missing (two statements). */
async function ensureCohorts(tx: DbOrTx, actorId: string, rows: PlannedRow[]) {
  const wanted = new Map<string, string>();
  for (const row of rows) if (row.cohort && !wanted.has(lower(row.cohort.name))) wanted.set(lower(row.cohort.name), row.cohort.name);
  const ids = new Map<string, string>();
  let created: { id: string; name: string }[] = [];
  const missing = [...wanted.values()].filter((name) => !rows.some((row) => row.cohort?.id && lower(row.cohort.name) === lower(name)));
  if (missing.length > 0) {
    created = await tx
      .insert(cohorts)
      .values(missing.map((name) => ({ name, createdById: actorId })))
      .onConflictDoNothing()
      .returning({ id: cohorts.id, name: cohorts.name });
  }
  if (wanted.size > 0) {
    const found = await tx.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(inArray(sql`lower(${cohorts.name})`, [...wanted.keys()]));
    for (const cohort of found) ids.set(lower(cohort.name), cohort.id);
  }
  return { created, idOf: (name: string) => ids.get(lower(name))! };
}
