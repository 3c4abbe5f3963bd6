import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";

export interface CategoryOption {
  id: string;
  parentId: string | null;
  name: string;
  /** "Physics / Kinematics": the names from the top. */
  path: string;
  depth: number;
  /** Bank questions filed directly in it. */
  questionCount: number;
}

/** The course's categories in tree order (each followed by its subcategories, by name), with paths. One statement. */
export async function loadCategoryTree(db: DbOrTx, courseId: string): Promise<CategoryOption[]> {
  const result = await db.execute(sql`
    WITH RECURSIVE tree AS (
      SELECT id, parent_id, name, name::text AS path, 0 AS depth, ARRAY[lower(name)::text, id::text] AS sort_key
      FROM question_categories WHERE course_id = ${courseId} AND parent_id IS NULL
      UNION ALL
      SELECT c.id, c.parent_id, c.name, t.path || ' / ' || c.name, t.depth + 1, t.sort_key || ARRAY[lower(c.name)::text, c.id::text]
      FROM question_categories c JOIN tree t ON c.parent_id = t.id
    )
    SELECT t.id, t.parent_id AS "parentId", t.name, t.path, t.depth,
      (SELECT count(*)::int FROM question_bank_entries e WHERE e.category_id = t.id AND e.deleted_at IS NULL) AS "questionCount"
    FROM tree t ORDER BY t.sort_key`);
  return rowsOf<CategoryOption>(result).map((row) => ({ ...row, depth: Number(row.depth), questionCount: Number(row.questionCount) }));
}

/** The ids of a category and everything under it, from a loaded tree. */
export function categoryAndDescendants(tree: readonly CategoryOption[], categoryId: string): Set<string> {
  const ids = new Set([categoryId]);
  for (const category of tree) if (category.parentId && ids.has(category.parentId)) ids.add(category.id);
  return ids;
}
