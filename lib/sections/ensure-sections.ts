import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, courseSections } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { unlessNameTaken } from "./section-commands";

/**
 * The course's sections of these names (any case), the missing ones created
 * in one INSERT and audited. Returns the id of each name's section by its
 * lower-case name, and which names were new. Two statements, three with new ones.
 */
export async function ensureSections(
  tx: DbOrTx,
  actor: Actor,
  courseId: string,
  names: readonly string[],
): Promise<{ idByName: Map<string, string>; created: { id: string; name: string }[] }> {
  const existing = await tx.select({ id: courseSections.id, name: courseSections.name }).from(courseSections).where(eq(courseSections.courseId, courseId));
  const idByName = new Map(existing.map((section) => [section.name.toLowerCase(), section.id]));
  const missingNames = [...new Map(names.filter((name) => !idByName.has(name.toLowerCase())).map((name) => [name.toLowerCase(), name])).values()];
  if (missingNames.length === 0) return { idByName, created: [] };
  const created = await unlessNameTaken(() =>
    tx
      .insert(courseSections)
      .values(missingNames.map((name) => ({ courseId, name })))
      .returning({ id: courseSections.id, name: courseSections.name }),
  );
  for (const section of created) idByName.set(section.name.toLowerCase(), section.id);
  // One audit row per new section, as creating each by hand would write, in one INSERT.
  await tx.insert(auditLog).values(
    created.map((section) => ({
      actorId: actor.id,
      action: "section.created",
      entityType: "course_section",
      entityId: section.id,
      after: { courseId, name: section.name, description: "" },
    })),
  );
  return { idByName, created };
}
