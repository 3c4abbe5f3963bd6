import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";

export interface FilterOption {
  value: string;
  label: string;
}

export interface SiteFilterOptions {
  courses: FilterOption[];
  /** Everyone who teaches at least one course (whatever their role now). */
  teachers: FilterOption[];
  subjects: FilterOption[];
}

// postgres.js hands json back parsed, PGlite too; a string is parsed here to be safe.
const parsed = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/** The options' statement (exported for scripts/explain-report.ts). */
export const siteFilterOptionsSql: SQL = sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('value', c.id, 'label', c.title) ORDER BY c.title, c.id), '[]'::json)
        FROM courses c) AS courses,
      (SELECT coalesce(json_agg(json_build_object('value', u.id, 'label', coalesce(u.display_name, u.username))
          ORDER BY coalesce(u.display_name, u.username), u.id), '[]'::json)
        FROM users u WHERE EXISTS (SELECT 1 FROM courses c WHERE c.teacher_id = u.id)) AS teachers,
      (SELECT coalesce(json_agg(json_build_object('value', s.subject, 'label', s.subject) ORDER BY s.subject), '[]'::json)
        FROM (SELECT DISTINCT lower(subject) AS subject FROM courses) s) AS subjects`;

/** The choices of the admin report's course, teacher and subject selects. One statement; null for anyone but an admin. */
export async function loadSiteFilterOptions(db: DbOrTx, actor: Actor): Promise<SiteFilterOptions | null> {
  if (!can(actor, "report.viewSite")) return null;
  const result = await db.execute(siteFilterOptionsSql);
  const row = rowsOf<{ courses: unknown; teachers: unknown; subjects: unknown }>(result)[0];
  return {
    courses: parsed<FilterOption[]>(row?.courses ?? []),
    teachers: parsed<FilterOption[]>(row?.teachers ?? []),
    subjects: parsed<FilterOption[]>(row?.subjects ?? []),
  };
}
