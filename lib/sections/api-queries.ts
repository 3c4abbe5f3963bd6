import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, sectionMembers, sectionTeachers, users } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/policy";
import { personName } from "@/lib/users/person-search";
import { loadViewedCourse, visibleSections, type ViewedCourse } from "./access";
import { sectionSummaryColumns, type SectionSummary } from "./queries";

// The REST API's reads. Who manages a course's sections sees all of them; a
// section teacher sees the sections it teaches (and their members), nothing
// else; anyone else finds neither course nor section.

export interface ApiSection extends SectionSummary {
  courseId: string;
  createdAt: Date;
  updatedAt: Date;
}

const apiColumns = { ...sectionSummaryColumns, courseId: courseSections.courseId, createdAt: courseSections.createdAt, updatedAt: courseSections.updatedAt };

const sectionKeys: SortKey[] = [
  { expr: sql`lower(${courseSections.name})`, direction: "asc", cast: "text" },
  { expr: courseSections.id, direction: "asc", cast: "uuid" },
];

/** One keyset page of the course's sections the actor may see; null: no such course for the actor. Two statements. */
export async function listSectionsAfter(db: DbOrTx, actor: Actor, courseId: string, params: { cursor?: string; limit: number }) {
  const course = await loadViewedCourse(db, actor, courseId);
  if (!course) return null;
  return db
    .select({ ...apiColumns, cursor: cursorColumn(sectionKeys) })
    .from(courseSections)
    .where(and(eq(courseSections.courseId, course.id), visibleSections(actor, course), afterCursor(sectionKeys, params.cursor)))
    .orderBy(...orderByKeys(sectionKeys))
    .limit(params.limit + 1);
}

/** One section the actor may see, with the course; null reads as not found. Two statements. */
export async function loadViewedSection(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  sectionId: string,
): Promise<{ course: ViewedCourse; section: ApiSection } | null> {
  const course = await loadViewedCourse(db, actor, courseId);
  if (!course) return null;
  const [section] = await db
    .select(apiColumns)
    .from(courseSections)
    .where(and(eq(courseSections.id, sectionId), eq(courseSections.courseId, course.id), visibleSections(actor, course)));
  return section ? { course, section } : null;
}

/** A section just written, for the API's answer. One statement. */
export async function loadApiSection(db: DbOrTx, sectionId: string): Promise<ApiSection | null> {
  const [section] = await db.select(apiColumns).from(courseSections).where(eq(courseSections.id, sectionId));
  return section ?? null;
}

const memberKeys: SortKey[] = [
  { expr: personName, direction: "asc", cast: "text" },
  { expr: users.id, direction: "asc", cast: "uuid" },
];

/** One keyset page of a section's members by name; null: the section is not the actor's to see. Three statements. */
export async function listMembersAfter(db: DbOrTx, actor: Actor, courseId: string, sectionId: string, params: { cursor?: string; limit: number }) {
  const viewed = await loadViewedSection(db, actor, courseId, sectionId);
  if (!viewed) return null;
  return db
    .select({ id: users.id, name: personName, addedAt: sectionMembers.addedAt, cursor: cursorColumn(memberKeys) })
    .from(sectionMembers)
    .innerJoin(users, eq(users.id, sectionMembers.userId))
    .where(and(eq(sectionMembers.sectionId, viewed.section.id), afterCursor(memberKeys, params.cursor)))
    .orderBy(...orderByKeys(memberKeys))
    .limit(params.limit + 1);
}

export interface ApiSectionTeacher {
  id: string;
  name: string;
  addedAt: Date;
}

/** A section's teachers by name (a handful: not paged); or one of them. Three statements. */
export async function listSectionTeachers(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  sectionId: string,
  onlyUserId?: string,
): Promise<ApiSectionTeacher[] | null> {
  const viewed = await loadViewedSection(db, actor, courseId, sectionId);
  if (!viewed) return null;
  return db
    .select({ id: users.id, name: personName, addedAt: sectionTeachers.addedAt })
    .from(sectionTeachers)
    .innerJoin(users, eq(users.id, sectionTeachers.userId))
    .where(and(eq(sectionTeachers.sectionId, viewed.section.id), onlyUserId ? eq(sectionTeachers.userId, onlyUserId) : undefined))
    .orderBy(asc(personName), asc(users.id));
}
