import { sql } from "drizzle-orm";

/** A timestamp parameter both drivers (postgres.js and PGlite) read the same way in raw SQL. */
export const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
