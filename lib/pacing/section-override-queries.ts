import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, sectionMembers, sectionTaskOverrides } from "@/db/schema";
import { overrideReads, type OverrideRowOf } from "./override-rows";

// What the "Section overrides" part of a task's overrides page and the API
// list read: a task's section overrides with their sections, for its course's
// teacher or an admin.

export type SectionOverrideRow = OverrideRowOf<"section">;

const reads = overrideReads("section", {
  table: sectionTaskOverrides,
  target: courseSections,
  joinOn: eq(courseSections.id, sectionTaskOverrides.sectionId),
  targetId: courseSections.id,
  targetName: courseSections.name,
});

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
  const overrides = await reads.ofTask(db, task.id);
  const sections = await db
    .select({ id: courseSections.id, name: courseSections.name, memberCount: count(sectionMembers.userId) })
    .from(courseSections)
    .leftJoin(sectionMembers, eq(sectionMembers.sectionId, courseSections.id))
    .where(eq(courseSections.courseId, task.courseId))
    .groupBy(courseSections.id)
    .orderBy(asc(courseSections.name), asc(courseSections.id));
  return { overrides, sections };
}

/** One keyset page of a task's section overrides, by section name; null when the task is not the actor's to override. Two statements. */
export const listSectionOverridesAfter = reads.after;

/** One section override with its section, for the API's answer after a save. One statement. */
export const loadSectionOverrideRow = reads.byId;
