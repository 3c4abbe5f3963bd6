import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lessons, modules } from "@/db/schema";

// Reads and rewrites of positions. Callers hold the course row lock
// (lockEditableCourse), so the order read here is the one they rewrite.

export async function moduleIdsInOrder(tx: DbOrTx, courseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: modules.id })
    .from(modules)
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.position), asc(modules.createdAt), asc(modules.id));
  return rows.map((row) => row.id);
}

export async function lessonIdsInOrder(tx: DbOrTx, moduleId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(eq(lessons.moduleId, moduleId))
    .orderBy(asc(lessons.position), asc(lessons.createdAt), asc(lessons.id));
  return rows.map((row) => row.id);
}

const positionsOf = (ids: readonly string[]) =>
  sql.join(
    ids.map((id, position) => sql`(${id}::uuid, ${position}::int)`),
    sql`, `,
  );

/** Gives the course's modules the positions 0..n-1 in the order of `ids`, in one statement. */
export async function writeModuleOrder(tx: DbOrTx, courseId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    UPDATE modules AS m SET position = v.position, updated_at = now()
    FROM (VALUES ${positionsOf(ids)}) AS v(id, position)
    WHERE m.id = v.id AND m.course_id = ${courseId} AND m.position <> v.position`);
}

/**
 * Puts the lessons `ids` in module `moduleId` at the positions 0..n-1, in one
 * statement; a lesson coming from another module of the course moves with it.
 */
export async function writeLessonOrder(tx: DbOrTx, courseId: string, moduleId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    UPDATE lessons AS l SET position = v.position, module_id = ${moduleId}, updated_at = now()
    FROM (VALUES ${positionsOf(ids)}) AS v(id, position)
    WHERE l.id = v.id
      AND l.module_id IN (SELECT id FROM modules WHERE course_id = ${courseId})
      AND (l.position <> v.position OR l.module_id <> ${moduleId})`);
}
