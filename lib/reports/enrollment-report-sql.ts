import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { escapeLike } from "@/lib/users/person-search";
import { behindByPoints, inactiveAfterDays } from "./at-risk";
import type { EnrollmentReportFilters, ReportSort, SortDirection } from "./report-params";

// The SQL of the progress report, for both scopes: one statement for a page
// of rows (or a CSV batch), one for the count. Aliases: e enrolment, u student,
// c course, t teacher.
//
// Cost: the page is chosen first from enrolment, student and course columns
// alone (an index can serve the order and the LIMIT stops early); lessons
// done and the averages are then computed for the page's rows only (a
// subquery per row, 25 rows), and the course medians for the page's courses
// only. Only when the order or a filter needs them (sorting by lessons, quiz
// or assignment; the at-risk filter) are they computed for every filtered row
// before the LIMIT, and then set-wise (grouped tables joined on user and
// course, medians grouped by course), never once per row.

/**
 * A course's report, or the site's. `sectionTeacherId` narrows a course's
 * report to the students of the sections that teacher teaches there: set by
 * authorizeReportScope for a section teacher, never from the URL.
 */
export type ReportScope = { kind: "course"; courseId: string; sectionTeacherId?: string } | { kind: "site" };

/**
 * Conditions on the enrolment (e) from the scope and the section filter: a
 * section teacher's students only, and only members of the chosen section
 * of the enrolment's own course (another course's section matches nobody).
 */
export function studentScopeConditions(scope: ReportScope, filters: EnrollmentReportFilters): SQL[] {
  const conditions: SQL[] = [];
  if (scope.kind === "course" && scope.sectionTeacherId) {
    conditions.push(sql`e.user_id IN (SELECT sm.user_id FROM section_members sm
      JOIN section_teachers st ON st.section_id = sm.section_id JOIN course_sections cs ON cs.id = sm.section_id
      WHERE st.user_id = ${scope.sectionTeacherId}::uuid AND cs.course_id = ${scope.courseId}::uuid)`);
  }
  if (filters.sectionId) {
    // A section teacher filters by its own sections only: another one reads as no rows.
    const taught =
      scope.kind === "course" && scope.sectionTeacherId
        ? sql`AND exists (SELECT 1 FROM section_teachers st WHERE st.section_id = sm.section_id AND st.user_id = ${scope.sectionTeacherId}::uuid)`
        : sql``;
    conditions.push(sql`exists (SELECT 1 FROM section_members sm JOIN course_sections cs ON cs.id = sm.section_id
      WHERE sm.section_id = ${filters.sectionId}::uuid AND sm.user_id = e.user_id AND cs.course_id = e.course_id ${taught})`);
  }
  return conditions;
}

/** Conditions on the course (alias c): the scope, and the course, teacher and subject filters. */
export function courseConditions(scope: ReportScope, filters: EnrollmentReportFilters): SQL[] {
  const conditions: SQL[] = [];
  if (scope.kind === "course") conditions.push(sql`c.id = ${scope.courseId}::uuid`);
  if (filters.courseId) conditions.push(sql`c.id = ${filters.courseId}::uuid`);
  if (filters.teacherId) conditions.push(sql`c.teacher_id = ${filters.teacherId}::uuid`);
  if (filters.subject) conditions.push(sql`lower(c.subject) = lower(${filters.subject})`);
  return conditions;
}

/** Conditions on the enrolment (e) and the student (u). */
export function enrollmentConditions(filters: EnrollmentReportFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(sql`(u.display_name ILIKE ${pattern} OR u.username ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  if (filters.status) conditions.push(sql`e.status = ${filters.status}::enrollment_status`);
  if (filters.progressMin !== undefined) conditions.push(sql`e.progress_percent >= ${filters.progressMin}::numeric`);
  if (filters.progressMax !== undefined) conditions.push(sql`e.progress_percent <= ${filters.progressMax}::numeric`);
  // Whole UTC days, both ends inclusive: from midnight of the first day to before midnight after the last.
  if (filters.enrolledFrom) conditions.push(sql`e.enrolled_at >= ${`${filters.enrolledFrom}T00:00:00Z`}::timestamptz`);
  if (filters.enrolledTo)
    conditions.push(sql`e.enrolled_at < ${`${filters.enrolledTo}T00:00:00Z`}::timestamptz + interval '1 day'`);
  return conditions;
}

const whereOf = (conditions: SQL[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);

/**
 * Median progress of each course's active enrolments, in hundredths of a
 * point as a double: the values are whole numbers, so their median is exact
 * (a whole or half number) and the comparison below has no rounding.
 */
export function mediansOf(courseCondition: SQL): SQL {
  return sql`SELECT a.course_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY (a.progress_percent * 100)::float8) AS median_h
    FROM enrollments a JOIN courses c ON c.id = a.course_id
    WHERE a.status = 'active' AND ${courseCondition}
    GROUP BY a.course_id`;
}

/** Median progress (median_h, as mediansOf gives it) of each course, by course id. */
export type CourseMedians = ReadonlyMap<string, number>;

/**
 * Medians read once before, as a table (course_id, median_h): a CSV export
 * reads them once for all its batches, where each batch would otherwise
 * compute them again over the active enrolments of every course it touches.
 */
function knownMedians(medians: CourseMedians): SQL {
  // Two text parameters, not two per course.
  const ids = [...medians.keys()].join(",");
  const values = [...medians.values()].join(",");
  return sql`SELECT * FROM unnest(string_to_array(${ids}, ',')::uuid[], string_to_array(${values}, ',')::float8[]) AS k(course_id, median_h)`;
}

/** The medians of the scope's courses (for the at-risk rule of each row). One statement. */
export function scopeMediansSql(scope: ReportScope, filters: EnrollmentReportFilters): SQL {
  return mediansOf(courseCondition(scope, filters));
}

/** The at-risk rule of at-risk.ts, in SQL, for enrolment columns `p` and the median `median_h`. */
export function atRiskCondition(now: string): SQL {
  return sql`(p.status = 'active' AND (
      p.last_activity_at <= ${now}::timestamptz - ${`${inactiveAfterDays} days`}::interval
      OR m.median_h - (p.progress_percent * 100)::float8 > ${behindByPoints * 100}))`;
}

/**
 * Lessons done and total, and the released-grade averages, of the row `p`
 * (columns user_id, course_id). Graded task progress is written only when a
 * grade is released (quizzes on grading, assignments on release; a draft
 * grade lives on the submission alone), so counting status 'graded' never
 * counts a draft. An average is points earned over points possible across the
 * graded published tasks of that kind (projects count as hand-ins, like
 * assignments); null when nothing is graded yet.
 */
const aggregates = sql`LEFT JOIN LATERAL (
    SELECT
      (SELECT count(*) FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id JOIN modules mo ON mo.id = l.module_id
        WHERE mo.course_id = p.course_id AND lc.user_id = p.user_id)::int AS lessons_done,
      (SELECT count(*) FROM lessons l JOIN modules mo ON mo.id = l.module_id WHERE mo.course_id = p.course_id)::int AS lessons_total,
      g.quiz_average, g.assignment_average
    FROM (
      SELECT
        round(100 * sum(tp.points_earned) FILTER (WHERE lt.type = 'quiz')
          / nullif(sum(lt.max_points) FILTER (WHERE lt.type = 'quiz'), 0), 1) AS quiz_average,
        round(100 * sum(tp.points_earned) FILTER (WHERE lt.type IN ('assignment', 'project'))
          / nullif(sum(lt.max_points) FILTER (WHERE lt.type IN ('assignment', 'project')), 0), 1) AS assignment_average
      FROM task_progress tp JOIN learning_tasks lt ON lt.id = tp.task_id
      WHERE tp.user_id = p.user_id AND lt.course_id = p.course_id AND tp.status = 'graded'
        AND lt.status = 'published' AND lt.max_points IS NOT NULL AND tp.points_earned IS NOT NULL
    ) g
  ) agg ON true`;

/**
 * The same figures for every enrolment of the scope at once, as grouped
 * tables joined on (user, course): used when the order needs them before the
 * LIMIT, where a per-row subquery would run once per enrolment.
 */
const aggregateTables = (courseCondition: SQL) => sql`
    lesson_totals AS (
      SELECT mo.course_id, count(*)::int AS lessons_total
      FROM lessons l JOIN modules mo ON mo.id = l.module_id JOIN courses c ON c.id = mo.course_id
      WHERE ${courseCondition} GROUP BY mo.course_id),
    lessons_done AS (
      SELECT lc.user_id, mo.course_id, count(*)::int AS lessons_done
      FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id JOIN modules mo ON mo.id = l.module_id
        JOIN courses c ON c.id = mo.course_id
      WHERE ${courseCondition} GROUP BY lc.user_id, mo.course_id),
    grades AS (
      SELECT tp.user_id, lt.course_id,
        round(100 * sum(tp.points_earned) FILTER (WHERE lt.type = 'quiz')
          / nullif(sum(lt.max_points) FILTER (WHERE lt.type = 'quiz'), 0), 1) AS quiz_average,
        round(100 * sum(tp.points_earned) FILTER (WHERE lt.type IN ('assignment', 'project'))
          / nullif(sum(lt.max_points) FILTER (WHERE lt.type IN ('assignment', 'project')), 0), 1) AS assignment_average
      FROM task_progress tp JOIN learning_tasks lt ON lt.id = tp.task_id JOIN courses c ON c.id = lt.course_id
      WHERE ${courseCondition} AND tp.status = 'graded' AND lt.status = 'published'
        AND lt.max_points IS NOT NULL AND tp.points_earned IS NOT NULL
      GROUP BY tp.user_id, lt.course_id)`;

const aggregateJoins = sql`LEFT JOIN lesson_totals ltot ON ltot.course_id = p.course_id
      LEFT JOIN lessons_done ldone ON ldone.user_id = p.user_id AND ldone.course_id = p.course_id
      LEFT JOIN grades gr ON gr.user_id = p.user_id AND gr.course_id = p.course_id`;

const aggregateColumns = sql`, coalesce(ldone.lessons_done, 0) AS lessons_done, coalesce(ltot.lessons_total, 0) AS lessons_total,
      gr.quiz_average, gr.assignment_average`;

const sortColumns: Record<ReportSort, SQL> = {
  student: sql`student_name`,
  course: sql`course_title`,
  // Enum order: active, completed, dropped, suspended.
  status: sql`status`,
  progress: sql`progress_percent`,
  lessons: sql`lessons_done`,
  quiz: sql`quiz_average`,
  assignment: sql`assignment_average`,
  lastActivity: sql`last_activity_at`,
  enrolled: sql`enrolled_at`,
};

/** Sort columns that can be null (an average before any grade): they sort last either way. */
const nullableSorts = new Set<ReportSort>(["quiz", "assignment"]);

// The type a sort column's value is read back as, for a keyset cursor handed back as text.
const sortTypes: Record<ReportSort, SQL> = {
  student: sql`text`,
  course: sql`text`,
  status: sql`enrollment_status`,
  progress: sql`numeric`,
  lessons: sql`int`,
  quiz: sql`numeric`,
  assignment: sql`numeric`,
  lastActivity: sql`timestamptz`,
  enrolled: sql`timestamptz`,
};

/** Where a keyset read resumes: the sort value (as text; null for a missing average) and id of the last row read. */
export interface ReportKeyset {
  value: string | null;
  id: string;
}

/**
 * The rows after `after` in the report's order (`ORDER BY col dir NULLS LAST,
 * id`). The leading `col >= value` (or `<=`) is what an index on the column
 * can serve; the rest breaks ties by id and keeps the missing values last.
 */
function keysetCondition(sort: ReportSort, dir: SortDirection, after: ReportKeyset): SQL {
  const column = sortColumns[sort];
  const id = sql`id > ${after.id}::uuid`;
  if (after.value === null) return sql`(${column} IS NULL AND ${id})`;
  const value = sql`${after.value}::${sortTypes[sort]}`;
  const [reach, beyond] = dir === "asc" ? [sql`>=`, sql`>`] : [sql`<=`, sql`<`];
  const ahead = sql`(${column} ${reach} ${value} AND (${column} ${beyond} ${value} OR ${id}))`;
  return nullableSorts.has(sort) ? sql`(${ahead} OR ${column} IS NULL)` : ahead;
}

/** Sorts that need the per-row aggregates before the LIMIT. */
const aggregateSorts = new Set<ReportSort>(["lessons", "quiz", "assignment"]);

/** Order on the page's column names; missing averages last either way; the enrolment id breaks ties. */
const orderBy = (sort: ReportSort, dir: SortDirection) =>
  sql`ORDER BY ${sortColumns[sort]} ${dir === "asc" ? sql`ASC` : sql`DESC`} NULLS LAST, id ASC`;

const baseColumns = sql`e.id, e.user_id, e.course_id, e.status, e.progress_percent, e.last_activity_at, e.enrolled_at, e.completed_at,
    coalesce(u.display_name, u.username) AS student_name, u.email AS student_email,
    c.title AS course_title, c.subject, coalesce(t.display_name, t.username) AS teacher_name`;

const baseFrom = sql`FROM enrollments e
    JOIN users u ON u.id = e.user_id
    JOIN courses c ON c.id = e.course_id
    JOIN users t ON t.id = c.teacher_id`;

export interface ReportSqlInput {
  scope: ReportScope;
  filters: EnrollmentReportFilters;
  sort: ReportSort;
  dir: SortDirection;
  limit: number;
  offset: number;
  /** ISO time the at-risk rule measures inactivity from. */
  now: string;
  /** Only rows after this one in the order (the CSV's batches): no OFFSET to re-read. */
  after?: ReportKeyset;
  /** The scope's course medians, when already read (scopeMediansSql): not computed again. */
  medians?: CourseMedians;
}

export const courseCondition = (scope: ReportScope, filters: EnrollmentReportFilters) => {
  const conditions = courseConditions(scope, filters);
  return conditions.length ? sql.join(conditions, sql` AND `) : sql`true`;
};

/**
 * The filtered enrolments in the report's order, cut to one window of rows
 * (after the keyset, when given), as a WITH list ending in `page`. With the
 * aggregates computed early, the keyset applies once they are joined: it
 * compares their values.
 */
function orderedEnrollmentsSql({ scope, filters, sort, dir, now, limit, offset, after, medians }: ReportSqlInput): SQL {
  const where = whereOf([...courseConditions(scope, filters), ...enrollmentConditions(filters), ...studentScopeConditions(scope, filters)]);
  const early = aggregateSorts.has(sort);
  const risky = filters.atRisk === true;
  return sql`
    WITH base AS (SELECT ${baseColumns} ${baseFrom} ${where})
    ${risky ? sql`, all_medians AS (${medians ? knownMedians(medians) : mediansOf(courseCondition(scope, filters))})` : sql``}
    ${early ? sql`, ${aggregateTables(courseCondition(scope, filters))}` : sql``}
    , page AS (
      SELECT * FROM (
        SELECT p.*${risky ? sql`, m.median_h` : sql``}${early ? aggregateColumns : sql``}
        FROM base p
        ${risky ? sql`LEFT JOIN all_medians m ON m.course_id = p.course_id` : sql``}
        ${early ? aggregateJoins : sql``}
        ${risky ? sql`WHERE ${atRiskCondition(now)}` : sql``}
      ) p
      ${after ? sql`WHERE ${keysetCondition(sort, dir, after)}` : sql``}
      ${orderBy(sort, dir)}
      LIMIT ${limit} OFFSET ${offset}
    )`;
}

/**
 * The columns of a report row, from `page p` with the aggregates on `p`
 * (early) or `agg`, the median on `p` (risky) or `m`, and the sort value as
 * text (where a keyset read resumes).
 */
function rowColumns(sort: ReportSort, early: boolean, risky: boolean): SQL {
  const figures = early ? sql`p` : sql`agg`;
  return sql`SELECT p.id, p.${sortColumns[sort]}::text AS "sortKey", p.user_id AS "userId", p.course_id AS "courseId", p.status, p.progress_percent AS "progressPercent",
      (extract(epoch FROM p.last_activity_at) * 1000)::float8 AS "lastActivityMs",
      (extract(epoch FROM p.enrolled_at) * 1000)::float8 AS "enrolledMs",
      (extract(epoch FROM p.completed_at) * 1000)::float8 AS "completedMs",
      p.student_name AS "studentName", p.student_email AS "studentEmail", p.course_title AS "courseTitle",
      p.subject, p.teacher_name AS "teacherName",
      ${figures}.lessons_done AS "lessonsDone", ${figures}.lessons_total AS "lessonsTotal",
      ${figures}.quiz_average AS "quizAverage", ${figures}.assignment_average AS "assignmentAverage",
      ${risky ? sql`p.median_h` : sql`m.median_h`} AS "medianH"`;
}

// Medians after the LIMIT cover only the page's courses (unless read before).
const pageMedians = (medians: CourseMedians | undefined) =>
  sql`, medians AS (${medians ? knownMedians(medians) : mediansOf(sql`a.course_id IN (SELECT course_id FROM page)`)})`;

/** One page of report rows, with every column the report shows. One statement. */
export function reportRowsSql(input: ReportSqlInput): SQL {
  const early = aggregateSorts.has(input.sort);
  const risky = input.filters.atRisk === true;
  return sql`${orderedEnrollmentsSql(input)}
    ${risky ? sql`` : pageMedians(input.medians)}
    ${rowColumns(input.sort, early, risky)}
    FROM page p
    ${risky ? sql`` : sql`LEFT JOIN medians m ON m.course_id = p.course_id`}
    ${early ? sql`` : aggregates}
    ${orderBy(input.sort, input.dir)}`;
}

/** How many enrolments match the filters. One statement. */
export function reportCountSql({ scope, filters, now }: Pick<ReportSqlInput, "scope" | "filters" | "now">): SQL {
  const byCourse = courseConditions(scope, filters);
  const where = whereOf([...byCourse, ...enrollmentConditions(filters), ...studentScopeConditions(scope, filters)]);
  // Every enrolment has its student and course (foreign keys, NOT NULL), so the
  // joins change the count only through a filter: without one they would make
  // the planner hash a million enrolments against every user and course.
  const from = sql`FROM enrollments e
    ${byCourse.length ? sql`JOIN courses c ON c.id = e.course_id` : sql``}
    ${filters.q ? sql`JOIN users u ON u.id = e.user_id` : sql``}
    ${where}`;
  if (!filters.atRisk) return sql`SELECT count(*)::int AS total ${from}`;
  return sql`
    WITH all_medians AS (${mediansOf(courseCondition(scope, filters))})
    SELECT count(*)::int AS total
    FROM (SELECT e.status, e.progress_percent, e.last_activity_at, e.course_id ${from}) p
    LEFT JOIN all_medians m ON m.course_id = p.course_id
    WHERE ${atRiskCondition(now)}`;
}

/**
 * A course's summary, whatever the filters: enrolments, active ones, the
 * median progress of the active ones and how many are at risk. One statement.
 */
export function courseSummarySql(courseId: string, now: string, sectionTeacherId?: string): SQL {
  // A section teacher's figures count its sections' students; the median stays the course's, as the at-risk rule reads it.
  const students = sectionTeacherId
    ? sql`AND p.user_id IN (SELECT sm.user_id FROM section_members sm
      JOIN section_teachers st ON st.section_id = sm.section_id JOIN course_sections cs ON cs.id = sm.section_id
      WHERE st.user_id = ${sectionTeacherId}::uuid AND cs.course_id = ${courseId}::uuid)`
    : sql``;
  return sql`
    WITH all_medians AS (${mediansOf(sql`c.id = ${courseId}::uuid`)})
    SELECT count(*)::int AS students,
      count(*) FILTER (WHERE p.status = 'active')::int AS active,
      max(m.median_h) AS "medianH",
      count(*) FILTER (WHERE ${atRiskCondition(now)})::int AS "atRisk"
    FROM enrollments p LEFT JOIN all_medians m ON m.course_id = p.course_id
    WHERE p.course_id = ${courseId}::uuid ${students}`;
}
