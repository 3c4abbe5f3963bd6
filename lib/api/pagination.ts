import { and, asc, desc, eq, gt, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";

// Cursor (keyset) pagination: a page starts after the last row of the one
// before, by the sort keys and a unique tie-breaker, so rows added meanwhile
// never shift a page, and no page costs an OFFSET scan.

export const defaultPageSize = 20;
export const maxPageSize = 100;

export const cursorSchema = z
  .string()
  .max(1000)
  .refine((value) => decodeCursor(value) !== null, { error: "This cursor is not valid: use the next link of a page." })
  .optional()
  .describe("Opaque: the cursor from the `next` link of the previous page.");

export const limitSchema = z.coerce
  .number({ error: "The limit is a whole number." })
  .int({ error: "The limit is a whole number." })
  .min(1, { error: "The limit is at least 1." })
  .max(maxPageSize, { error: `The limit is at most ${maxPageSize}.` })
  .default(defaultPageSize)
  .describe(`Rows per page (1-${maxPageSize}, default ${defaultPageSize}).`);

/** The query fields every list endpoint takes. */
export const pageQueryShape = { cursor: cursorSchema, limit: limitSchema };

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string): string[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(values) || values.length === 0 || values.length > 4) return null;
    return values.every((value) => typeof value === "string" && value.length <= 500) ? (values as string[]) : null;
  } catch {
    return null;
  }
}

export type SqlCast = "text" | "timestamptz" | "uuid" | "bigint" | "numeric" | "integer";

/** One sort key: a non-null column (or expression), its direction and the SQL type its cursor value casts to. */
export interface SortKey {
  expr: SQLWrapper;
  direction: "asc" | "desc";
  cast: SqlCast;
}

export const orderByKeys = (keys: readonly SortKey[]): SQL[] =>
  keys.map((key) => (key.direction === "asc" ? asc(key.expr as SQL) : desc(key.expr as SQL)));

/**
 * The cursor values of a row, read as text by PostgreSQL: a timestamp keeps
 * its microseconds, which a JavaScript Date would round away.
 */
export const cursorColumn = (keys: readonly SortKey[]): SQL<string[]> =>
  sql<string[]>`json_build_array(${sql.join(
    keys.map((key) => sql`(${key.expr})::text`),
    sql`, `,
  )})`;

/** Rows strictly after the cursor in the sort order: (a > x) or (a = x and b > y) … */
export function afterCursor(keys: readonly SortKey[], cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const values = decodeCursor(cursor);
  if (!values || values.length !== keys.length) return sql`false`;
  const typed = keys.map((key, i) => sql`${values[i]}::${sql.raw(key.cast)}`);
  const branches: SQL[] = keys.map((key, i) => {
    const beyond = key.direction === "asc" ? gt(key.expr as SQL, typed[i]) : lt(key.expr as SQL, typed[i]);
    const equalBefore = keys.slice(0, i).map((prior, j) => eq(prior.expr as SQL, typed[j]));
    return and(...equalBefore, beyond)!;
  });
  return or(...branches);
}

export interface Page<T> {
  data: T[];
  /** The URL of the next page, or null on the last one. */
  next: string | null;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says that
 * a next page exists. The next link is the request URL with the cursor replaced.
 */
export function pageOf<R extends { cursor: string[] }, T>(
  requestUrl: string,
  rows: readonly R[],
  limit: number,
  toItem: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  let next: string | null = null;
  if (rows.length > limit && shown.length > 0) {
    const url = new URL(requestUrl);
    url.searchParams.set("cursor", encodeCursor(shown.at(-1)!.cursor));
    next = url.pathname + url.search;
  }
  return { data: shown.map(toItem), next };
}

/** The response schema of a page of `item`. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next: z.string().nullable().describe("The URL of the next page (relative to this server), or null on the last page."),
  });
