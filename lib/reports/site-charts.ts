import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";
import type { EnrollmentReportFilters } from "./report-params";
import { filteredEnrollmentsSql } from "./site-filter-sql";

/** Weeks the enrolment chart shows, ending with the current week (or the week of the "to" date). */
export const chartWeeks = 26;
/** Courses the funnel and the quiz chart show: those with the most matching enrolments. */
export const chartCourses = 10;

export interface WeekCount {
  /** Monday of the week, yyyy-mm-dd (UTC). */
  week: string;
  enrollments: number;
}

export interface CourseFunnel {
  courseId: string;
  title: string;
  enrolled: number;
  /** Any progress at all (or completed). */
  started: number;
  /** At least 50 % (or completed). */
  halfway: number;
  completed: number;
  /** Released quiz points over points possible of these enrolments, in percent; null before any graded quiz. */
  quizAverage: number | null;
}

export interface SiteCharts {
  weekly: WeekCount[];
  courses: CourseFunnel[];
}

const parsed = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/** The charts' statement (exported for scripts/explain-report.ts). */
export function siteChartsSql(filters: EnrollmentReportFilters, now: Date): SQL {
  const end = filters.enrolledTo && filters.enrolledTo < now.toISOString().slice(0, 10) ? `${filters.enrolledTo}T00:00:00Z` : now.toISOString();
  return sql`
    -- Not materialized: the counts below read it in one pass, the quiz average for ten
    -- courses only; one materialized copy would first write every matching enrolment to
    -- disk (85 MB at 1M).
    WITH f AS NOT MATERIALIZED (${filteredEnrollmentsSql(filters, now)}),
    bounds AS (
      SELECT last_week - ${`${chartWeeks - 1} weeks`}::interval AS window_start, last_week
      FROM (SELECT date_trunc('week', ${end}::timestamptz AT TIME ZONE 'UTC') AS last_week) w
    ),
    weeks AS (
      SELECT generate_series(
        greatest(window_start, date_trunc('week', coalesce(${filters.enrolledFrom ?? null}::date, window_start::date)::timestamp)),
        last_week, interval '1 week') AS week
      FROM bounds
    ),
    -- Per course and week in one pass over the enrolments (parallel, a few thousand
    -- groups; the planner knows how few from the statistics of migration 0018), then
    -- summed by week and by course, where two aggregates would each read every row.
    -- date_bin from a Monday midnight UTC gives the UTC week date_trunc gives, at a
    -- quarter of its cost a row (no time zone conversion); weeks are converted per group.
    counted AS (
      SELECT f.course_id, date_bin('7 days', f.enrolled_at, '2001-01-01T00:00:00Z') AS week,
        count(*)::int AS enrolled,
        count(*) FILTER (WHERE f.progress_percent > 0 OR f.status = 'completed')::int AS started,
        count(*) FILTER (WHERE f.progress_percent >= 50 OR f.status = 'completed')::int AS halfway,
        count(*) FILTER (WHERE f.status = 'completed')::int AS completed
      FROM f
      GROUP BY 1, 2
    ),
    -- Weeks before the window have counts too; laid over the window's weeks, they drop out.
    week_counts AS (SELECT week AT TIME ZONE 'UTC' AS week, sum(enrolled)::int AS n FROM counted GROUP BY 1),
    weekly AS (SELECT weeks.week, coalesce(week_counts.n, 0) AS n FROM weeks LEFT JOIN week_counts ON week_counts.week = weeks.week),
    top AS (
      SELECT course_id, sum(enrolled)::int AS enrolled, sum(started)::int AS started,
        sum(halfway)::int AS halfway, sum(completed)::int AS completed
      FROM counted
      GROUP BY course_id
      ORDER BY enrolled DESC, course_id
      LIMIT ${chartCourses}
    ),
    quiz AS (
      SELECT f.course_id, round(100 * sum(tp.points_earned) / nullif(sum(lt.max_points), 0), 1) AS average
      FROM f
      JOIN top ON top.course_id = f.course_id
      JOIN task_progress tp ON tp.user_id = f.user_id AND tp.status = 'graded' AND tp.points_earned IS NOT NULL
      JOIN learning_tasks lt ON lt.id = tp.task_id AND lt.course_id = f.course_id
        AND lt.type = 'quiz' AND lt.status = 'published' AND lt.max_points IS NOT NULL
      GROUP BY f.course_id
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('week', to_char(week, 'YYYY-MM-DD'), 'enrollments', n) ORDER BY week), '[]'::json)
        FROM weekly) AS weekly,
      (SELECT coalesce(json_agg(json_build_object(
          'courseId', top.course_id, 'title', c.title, 'enrolled', top.enrolled, 'started', top.started,
          'halfway', top.halfway, 'completed', top.completed, 'quizAverage', quiz.average)
          ORDER BY top.enrolled DESC, c.title, top.course_id), '[]'::json)
        FROM top JOIN courses c ON c.id = top.course_id LEFT JOIN quiz ON quiz.course_id = top.course_id) AS courses`;
}

/**
 * The admin report's charts in one statement, over the enrolments the filters
 * select: enrolments per week (every week of the window, zero-filled with
 * generate_series; the window ends at the "to" date when one is set and never
 * starts before the "from" date), and for the courses with the most of them
 * the completion funnel (enrolled → started → halfway → completed) and the
 * quiz average (as in the table: points over points possible, graded quizzes
 * only). Null for anyone but an admin.
 */
export async function loadSiteCharts(
  db: DbOrTx,
  actor: Actor,
  filters: EnrollmentReportFilters,
  { now = new Date() }: { now?: Date } = {},
): Promise<SiteCharts | null> {
  if (!can(actor, "report.viewSite")) return null;
  const result = await db.execute(siteChartsSql(filters, now));
  const row = rowsOf<{ weekly: unknown; courses: unknown }>(result)[0];
  const courses = parsed<CourseFunnel[]>(row?.courses ?? []).map((course) => ({
    ...course,
    quizAverage: course.quizAverage === null ? null : Number(course.quizAverage),
  }));
  return { weekly: parsed<WeekCount[]>(row?.weekly ?? []), courses };
}
