import "server-only";
import { and, asc, eq, ilike, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohortCourses, cohortMembers, cohorts, courseSections, courses, users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { can, type Actor } from "@/lib/auth/policy";
import { pageCountOf } from "@/lib/pagination";
import { escapeLike, matchesPerson, personName } from "@/lib/users/person-search";

// Reads for the cohort pages and the API: admins only (anyone else finds
// nothing), one statement per list, members paged on the server.

export const cohortsPerPage = 25;
export const membersPerPage = 50;

export interface LinkedCourse {
  courseId: string;
  title: string;
  slug: string;
  sectionId: string | null;
  sectionName: string | null;
}

export interface CohortRow {
  id: string;
  name: string;
  description: string;
  memberCount: number;
  studentCount: number;
  courses: LinkedCourse[];
  createdAt: Date;
}

// Spelled out: drizzle leaves a one-table select's columns unqualified, and "id" alone is ambiguous inside these subqueries.
const cohortIdRef = sql.raw('"cohorts"."id"');

const linkedCoursesJson = sql<LinkedCourse[]>`coalesce((
  SELECT json_agg(json_build_object('courseId', c.id, 'title', c.title, 'slug', c.slug, 'sectionId', s.id, 'sectionName', s.name) ORDER BY c.title)
  FROM ${cohortCourses} cc JOIN ${courses} c ON c.id = cc.course_id LEFT JOIN ${courseSections} s ON s.id = cc.section_id
  WHERE cc.cohort_id = ${cohortIdRef}), '[]'::json)`;

const cohortColumns = {
  id: cohorts.id,
  name: cohorts.name,
  description: cohorts.description,
  memberCount: sql<number>`(SELECT count(*)::int FROM ${cohortMembers} m WHERE m.cohort_id = ${cohortIdRef})`,
  studentCount: sql<number>`(SELECT count(*)::int FROM ${cohortMembers} m JOIN ${users} u ON u.id = m.user_id WHERE m.cohort_id = ${cohortIdRef} AND u.role = 'student')`,
  courses: linkedCoursesJson,
  createdAt: cohorts.createdAt,
};

const nameMatches = (q: string | undefined) => (q ? ilike(cohorts.name, `%${escapeLike(q)}%`) : undefined);

/** A page of cohorts by name, with member counts and linked courses; null for anyone but an admin. */
export async function loadCohortListPage(db: DbOrTx, actor: Actor, { page, q }: { page: number; q?: string }) {
  if (!can(actor, "cohort.manage")) return null;
  const rows = await db
    .select({ ...cohortColumns, total: sql<number>`count(*) over ()::int` })
    .from(cohorts)
    .where(nameMatches(q))
    .orderBy(asc(sql`lower(${cohorts.name})`), asc(cohorts.id))
    .limit(cohortsPerPage)
    .offset((page - 1) * cohortsPerPage);
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _total, ...row }) => row as CohortRow), total, page, pageCount: pageCountOf(total, cohortsPerPage) };
}

const cohortKeys: SortKey[] = [
  { expr: sql`lower(${cohorts.name})`, direction: "asc", cast: "text" },
  { expr: cohorts.id, direction: "asc", cast: "uuid" },
];

/** The API's list: cohorts by name, after a cursor. */
export async function listCohortsAfter(db: DbOrTx, actor: Actor, params: { cursor?: string; limit: number }) {
  if (!can(actor, "cohort.manage")) return null;
  return db
    .select({ ...cohortColumns, cursor: cursorColumn(cohortKeys) })
    .from(cohorts)
    .where(afterCursor(cohortKeys, params.cursor))
    .orderBy(...orderByKeys(cohortKeys))
    .limit(params.limit + 1) as Promise<(CohortRow & { cursor: string[] })[]>;
}

export async function loadCohort(db: DbOrTx, actor: Actor, cohortId: string): Promise<CohortRow | null> {
  if (!can(actor, "cohort.manage")) return null;
  const [row] = await db.select(cohortColumns).from(cohorts).where(eq(cohorts.id, cohortId));
  return (row as CohortRow | undefined) ?? null;
}

export interface MemberRow {
  id: string;
  name: string;
  username: string;
  email: string;
  role: UserRole;
  gradeLevel: number | null;
  addedAt: Date;
}

const memberColumns = {
  id: users.id,
  name: personName,
  username: users.username,
  email: users.email,
  role: users.role,
  gradeLevel: users.gradeLevel,
  addedAt: cohortMembers.addedAt,
};

/** A page of a cohort's members by name. */
export async function loadCohortMembersPage(db: DbOrTx, actor: Actor, cohortId: string, page: number) {
  if (!can(actor, "cohort.manage")) return null;
  const rows = await db
    .select({ ...memberColumns, total: sql<number>`count(*) over ()::int` })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(sql`lower(${personName})`), asc(users.id))
    .limit(membersPerPage)
    .offset((page - 1) * membersPerPage);
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _total, ...row }) => row as MemberRow), total, page, pageCount: pageCountOf(total, membersPerPage) };
}

const memberKeys: SortKey[] = [
  { expr: sql`lower(${personName})`, direction: "asc", cast: "text" },
  { expr: users.id, direction: "asc", cast: "uuid" },
];

export async function listCohortMembersAfter(db: DbOrTx, actor: Actor, cohortId: string, params: { cursor?: string; limit: number }) {
  if (!can(actor, "cohort.manage")) return null;
  return db
    .select({ ...memberColumns, cursor: cursorColumn(memberKeys) })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), afterCursor(memberKeys, params.cursor)))
    .orderBy(...orderByKeys(memberKeys))
    .limit(params.limit + 1) as Promise<(MemberRow & { cursor: string[] })[]>;
}

/** People not yet in the cohort whose name, username or email contains the text: at most 20. */
export async function searchPeopleToAdd(db: DbOrTx, actor: Actor, cohortId: string, text: string) {
  if (!can(actor, "cohort.manage") || text.trim().length < 2) return [];
  return db
    .select({ id: users.id, name: personName, username: users.username, email: users.email, role: users.role })
    .from(users)
    .where(
      and(
        matchesPerson(text.trim()),
        sql`${users.anonymizedAt} IS NULL`,
        notExists(db.select({ one: sql`1` }).from(cohortMembers).where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, users.id)))),
      ),
    )
    .orderBy(asc(sql`lower(${personName})`))
    .limit(20);
}

export interface CourseOption {
  id: string;
  title: string;
  sections: { id: string; name: string }[];
}

/** Published courses with their sections, for "Enrol in a course". */
export async function loadPublishedCourseOptions(db: DbOrTx, actor: Actor): Promise<CourseOption[]> {
  if (!can(actor, "cohort.manage")) return [];
  const rows = await db
    .select({
      id: courses.id,
      title: courses.title,
      sections: sql<{ id: string; name: string }[]>`coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY lower(s.name)) FROM ${courseSections} s WHERE s.course_id = ${sql.raw('"courses"."id"')}), '[]'::json)`,
    })
    .from(courses)
    .where(eq(courses.status, "published"))
    .orderBy(asc(courses.title));
  return rows;
}
