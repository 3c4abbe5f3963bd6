import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";

// PostgreSQL takes at most 65,535 parameters in one statement: a course with
// thousands of questions is inserted a few hundred rows at a time, still a
// handful of statements rather than one per row.
const rowsPerStatement = 500;

/** Inserts the rows in statements of a few hundred; nothing when there are none. */
export async function insertInChunks<T extends PgTable>(tx: DbOrTx, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await tx.insert(table).values(rows.slice(start, start + rowsPerStatement) as T["$inferInsert"][]);
  }
}
