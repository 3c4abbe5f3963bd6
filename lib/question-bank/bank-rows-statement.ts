import { sql, type SQL } from "drizzle-orm";
import type { BankParams } from "./bank-params";
import { categoryAndDescendants, type CategoryOption } from "./category-tree";

// Search text is matched as a plain substring: LIKE's wildcards in it are escaped.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The bank's filtered rows, newest first, with the total in each row
 * (count(*) OVER ()): the current version of each live entry of the course.
 */
export function bankRowsStatement(
  courseId: string,
  params: Pick<BankParams, "q" | "type" | "category" | "sub" | "tag" | "usage">,
  categories: readonly CategoryOption[],
  { limit, offset }: { limit: number; offset: number },
): SQL {
  const conditions: SQL[] = [sql`e.course_id = ${courseId}`, sql`e.deleted_at IS NULL`];
  if (params.q) conditions.push(sql`(q.text ILIKE ${likePattern(params.q)} OR q.name ILIKE ${likePattern(params.q)})`);
  if (params.type) conditions.push(sql`q.type = ${params.type}`);
  if (params.category === "none") conditions.push(sql`e.category_id IS NULL`);
  else if (params.category) {
    const ids = params.sub === "1" ? [...categoryAndDescendants(categories, params.category)] : [params.category];
    conditions.push(sql`e.category_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  if (params.tag) conditions.push(sql`${params.tag.toLowerCase()} = ANY (e.tags)`);
  if (params.usage === "used") conditions.push(sql`EXISTS (SELECT 1 FROM quiz_slots s WHERE s.entry_id = e.id)`);
  if (params.usage === "unused") conditions.push(sql`NOT EXISTS (SELECT 1 FROM quiz_slots s WHERE s.entry_id = e.id)`);
  return sql`
    SELECT e.id AS entry_id, q.id AS question_id, q.version, q.type, q.name, left(q.text, 300) AS text, q.points,
      e.category_id, e.tags, greatest(e.updated_at, q.updated_at) AS updated_at, count(*) OVER () AS total
    FROM question_bank_entries e
    JOIN quiz_questions q ON q.entry_id = e.id AND q.is_current
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY e.created_at DESC, e.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}
