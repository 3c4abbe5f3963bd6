import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { atRiskCondition, courseCondition, courseConditions, enrollmentConditions, mediansOf, studentScopeConditions } from "./enrollment-report-sql";
import type { EnrollmentReportFilters } from "./report-params";

// The enrolments the admin report's filters select, as a subquery the tiles and
// charts aggregate over, so they show the same enrolments as the table: the
// conditions are the table's own (enrollment-report-sql.ts), for the site scope.

const siteScope = { kind: "site" } as const;
const joined = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` AND `) : sql`true`);

/**
 * `SELECT id, user_id, course_id, status, progress_percent, enrolled_at,
 * last_activity_at` of every enrolment the filters select, for use as a FROM
 * item or CTE. Courses and students are joined only when a filter needs them;
 * the at-risk filter compares each active enrolment with its course's median
 * progress (see at-risk.ts).
 */
export function filteredEnrollmentsSql(filters: EnrollmentReportFilters, now: Date): SQL {
  const byCourse = courseConditions(siteScope, filters);
  const base = sql`SELECT e.id, e.user_id, e.course_id, e.status, e.progress_percent, e.enrolled_at, e.last_activity_at
    FROM enrollments e
    ${byCourse.length ? sql`JOIN courses c ON c.id = e.course_id` : sql``}
    ${filters.q ? sql`JOIN users u ON u.id = e.user_id` : sql``}
    WHERE ${joined([...byCourse, ...enrollmentConditions(filters), ...studentScopeConditions(siteScope, filters)])}`;
  if (!filters.atRisk) return base;
  return sql`SELECT p.id, p.user_id, p.course_id, p.status, p.progress_percent, p.enrolled_at, p.last_activity_at
    FROM (${base}) p
    LEFT JOIN (${mediansOf(courseCondition(siteScope, filters))}) m ON m.course_id = p.course_id
    WHERE ${atRiskCondition(now.toISOString())}`;
}
