import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";
import type { EnrollmentReportFilters } from "./report-params";
import { filteredEnrollmentsSql } from "./site-filter-sql";

export interface SiteSummary {
  /** Active accounts per role, site-wide (the filters select enrolments, not people). */
  students: number;
  teachers: number;
  admins: number;
  /** Published courses with at least one active enrolment, site-wide. */
  activeCourses: number;
  /** Enrolments matching the filters. */
  enrollments: number;
  /** Of those, completed ones. */
  completed: number;
  /** completed / enrollments in percent (one decimal); null when nothing matches. */
  completionRate: number | null;
}

/** The tiles' statement (exported for scripts/explain-report.ts). */
export const siteSummarySql = (filters: EnrollmentReportFilters, now: Date): SQL =>
  sql`
    WITH f AS (${filteredEnrollmentsSql(filters, now)}),
    people AS (
      SELECT count(*) FILTER (WHERE role = 'student')::int AS students,
        count(*) FILTER (WHERE role = 'teacher')::int AS teachers,
        count(*) FILTER (WHERE role = 'admin')::int AS admins
      FROM users WHERE is_active
    ),
    matching AS (SELECT count(*)::int AS enrollments, count(*) FILTER (WHERE status = 'completed')::int AS completed FROM f)
    SELECT people.*, matching.*,
      (SELECT count(*)::int FROM courses c WHERE c.status = 'published'
        AND EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = c.id AND e.status = 'active')) AS "activeCourses"
    FROM people, matching`;

/**
 * The admin report's tiles, in one statement. People and active courses
 * describe the site and ignore the filters; enrolments and the completion
 * rate follow them, like the table. Null for anyone but an admin.
 */
export async function loadSiteSummary(
  db: DbOrTx,
  actor: Actor,
  filters: EnrollmentReportFilters,
  { now = new Date() }: { now?: Date } = {},
): Promise<SiteSummary | null> {
  if (!can(actor, "report.viewSite")) return null;
  const result = await db.execute(siteSummarySql(filters, now));
  const row = rowsOf<Record<keyof Omit<SiteSummary, "completionRate">, number | string>>(result)[0];
  const enrollments = Number(row?.enrollments ?? 0);
  const completed = Number(row?.completed ?? 0);
  return {
    students: Number(row?.students ?? 0),
    teachers: Number(row?.teachers ?? 0),
    admins: Number(row?.admins ?? 0),
    activeCourses: Number(row?.activeCourses ?? 0),
    enrollments,
    completed,
    completionRate: enrollments === 0 ? null : Math.round((completed / enrollments) * 1000) / 10,
  };
}
