import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { escapeLike } from "@/lib/users/person-search";
import { behindByPoints, inactiveAfterDays } from "./at-risk";
import type { EnrollmentReportFilters } from "./report-params";

// The enrolments the admin report's filters select, as a subquery the tiles and
// charts aggregate over, so they show the same enrolments as the table. It
// states the same conditions as enrollment-report-sql.ts (which keeps its own
// private to the table's statements); tests/integration/site-report.test.ts
// checks that both count the same rows for every filter.

function courseConditions(filters: EnrollmentReportFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.courseId) conditions.push(sql`c.id = ${filters.courseId}::uuid`);
  if (filters.teacherId) conditions.push(sql`c.teacher_id = ${filters.teacherId}::uuid`);
  if (filters.subject) conditions.push(sql`lower(c.subject) = lower(${filters.subject})`);
  return conditions;
}

function enrollmentConditions(filters: EnrollmentReportFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(sql`(u.display_name ILIKE ${pattern} OR u.username ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  if (filters.status) conditions.push(sql`e.status = ${filters.status}::enrollment_status`);
  if (filters.progressMin !== undefined) conditions.push(sql`e.progress_percent >= ${filters.progressMin}::numeric`);
  if (filters.progressMax !== undefined) conditions.push(sql`e.progress_percent <= ${filters.progressMax}::numeric`);
  if (filters.enrolledFrom) conditions.push(sql`e.enrolled_at >= ${`${filters.enrolledFrom}T00:00:00Z`}::timestamptz`);
  if (filters.enrolledTo) conditions.push(sql`e.enrolled_at < ${`${filters.enrolledTo}T00:00:00Z`}::timestamptz + interval '1 day'`);
  return conditions;
}

const joined = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` AND `) : sql`true`);

/**
 * `SELECT id, user_id, course_id, status, progress_percent, enrolled_at` of
 * every enrolment the filters select, for use as a FROM item or CTE. The
 * student table is joined only for a search; the at-risk filter compares each
 * active enrolment with its course's median progress (see at-risk.ts).
 */
export function filteredEnrollmentsSql(filters: EnrollmentReportFilters, now: Date): SQL {
  const byCourse = courseConditions(filters);
  const byEnrollment = enrollmentConditions(filters);
  const base = sql`SELECT e.id, e.user_id, e.course_id, e.status, e.progress_percent, e.enrolled_at, e.last_activity_at
    FROM enrollments e
    ${byCourse.length ? sql`JOIN courses c ON c.id = e.course_id` : sql``}
    ${filters.q ? sql`JOIN users u ON u.id = e.user_id` : sql``}
    WHERE ${joined([...byCourse, ...byEnrollment])}`;
  if (!filters.atRisk) return base;
  return sql`SELECT p.id, p.user_id, p.course_id, p.status, p.progress_percent, p.enrolled_at, p.last_activity_at
    FROM (${base}) p
    LEFT JOIN (
      SELECT a.course_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY (a.progress_percent * 100)::float8) AS median_h
      FROM enrollments a ${byCourse.length ? sql`JOIN courses c ON c.id = a.course_id` : sql``}
      WHERE a.status = 'active' AND ${joined(byCourse)}
      GROUP BY a.course_id
    ) m ON m.course_id = p.course_id
    WHERE p.status = 'active' AND (
      p.last_activity_at <= ${now.toISOString()}::timestamptz - ${`${inactiveAfterDays} days`}::interval
      OR m.median_h - (p.progress_percent * 100)::float8 > ${behindByPoints * 100})`;
}
