import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, sectionMembers, sectionTaskOverrides } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/policy";
import { loadOverrideTask } from "./task-override-commands";

// What the "Section overrides" part of a task's overrides page and the API
// list read: a task's section overrides with their sections, for its course's
// teacher or an admin.

export interface SectionOverrideRow {
  id: string;
  section: { id: string; name: string };
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const rowColumns = {
  id: sectionTaskOverrides.id,
  sectionId: courseSections.id,
  sectionName: courseSections.name,
  dueAt: sectionTaskOverrides.dueAt,
  timeLimitMinutes: sectionTaskOverrides.timeLimitMinutes,
  attemptsAllowed: sectionTaskOverrides.attemptsAllowed,
  createdAt: sectionTaskOverrides.createdAt,
  updatedAt: sectionTaskOverrides.updatedAt,
};

type FlatRow = { sectionId: string; sectionName: string } & Omit<SectionOverrideRow, "section">;
const toRow = ({ sectionId, sectionName, ...row }: FlatRow): SectionOverrideRow => ({ ...row, section: { id: sectionId, name: sectionName } });

export interface SectionChoice {
  id: string;
  name: string;
  memberCount: number;
}

/**
 * A task's section overrides (by section name) and the course's sections
 * (whom one may be for), for the overrides page: two statements, however many
 * sections. The caller has already checked the task is the actor's.
 */
export async function loadSectionOverridesOfTask(
  db: DbOrTx,
  task: { id: string; courseId: string },
): Promise<{ overrides: SectionOverrideRow[]; sections: SectionChoice[] }> {
  const overrides = await db
    .select(rowColumns)
    .from(sectionTaskOverrides)
    .innerJoin(courseSections, eq(courseSections.id, sectionTaskOverrides.sectionId))
    .where(eq(sectionTaskOverrides.taskId, task.id))
    .orderBy(asc(courseSections.name), asc(courseSections.id));
  const sections = await db
    .select({ id: courseSections.id, name: courseSections.name, memberCount: count(sectionMembers.userId) })
    .from(courseSections)
    .leftJoin(sectionMembers, eq(sectionMembers.sectionId, courseSections.id))
    .where(eq(courseSections.courseId, task.courseId))
    .groupBy(courseSections.id)
    .orderBy(asc(courseSections.name), asc(courseSections.id));
  return { overrides: overrides.map(toRow), sections };
}

const overrideKeys: SortKey[] = [
  { expr: courseSections.name, direction: "asc", cast: "text" },
  { expr: courseSections.id, direction: "asc", cast: "uuid" },
];

/** One keyset page of a task's section overrides, by section name; null when the task is not the actor's to override. Two statements. */
export async function listSectionOverridesAfter(db: DbOrTx, actor: Actor, taskId: string, params: { cursor?: string; limit: number }) {
  const task = await loadOverrideTask(db, actor, taskId);
  if (!task) return null;
  const rows = await db
    .select({ ...rowColumns, cursor: cursorColumn(overrideKeys) })
    .from(sectionTaskOverrides)
    .innerJoin(courseSections, eq(courseSections.id, sectionTaskOverrides.sectionId))
    .where(and(eq(sectionTaskOverrides.taskId, task.id), afterCursor(overrideKeys, params.cursor)))
    .orderBy(...orderByKeys(overrideKeys))
    .limit(params.limit + 1);
  return rows.map(({ cursor, ...row }) => ({ ...toRow(row), cursor }));
}

/** One section override with its section, for the API's answer after a save. One statement. */
export async function loadSectionOverrideRow(db: DbOrTx, overrideId: string): Promise<SectionOverrideRow | null> {
  const [row] = await db
    .select(rowColumns)
    .from(sectionTaskOverrides)
    .innerJoin(courseSections, eq(courseSections.id, sectionTaskOverrides.sectionId))
    .where(eq(sectionTaskOverrides.id, overrideId));
  return row ? toRow(row) : null;
}
