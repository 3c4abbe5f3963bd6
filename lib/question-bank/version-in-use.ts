import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";

/**
 * Whether any attempt was given this question version (drawn or chosen at its
 * start), answered or not: such a version is what that attempt shows and is
 * graded with, so it is never changed in place again. One statement, on the
 * GIN index of attempts' question lists.
 */
export async function versionInUse(db: DbOrTx, versionId: string): Promise<boolean> {
  const result = await db.execute<{ used: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM quiz_attempts WHERE question_order @> ARRAY[${versionId}::uuid]) AS used`);
  return Boolean(rowsOf<{ used: boolean }>(result)[0]?.used);
}
