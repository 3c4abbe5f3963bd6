import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";
import { teachesSectionOf } from "@/lib/sections/section-scope";
import { pageCountOf } from "@/lib/pagination";
import { atRiskFlags, type AtRiskFlags } from "./at-risk";
import {
  courseSummarySql,
  reportCountSql,
  reportRowsSql,
  scopeMediansSql,
  type CourseMedians,
  type ReportKeyset,
  type ReportScope,
} from "./enrollment-report-sql";
import { reportPageSize, type EnrollmentReportFilters, type EnrollmentReportQuery, type ReportSort, type SortDirection } from "./report-params";

export type { CourseMedians, ReportKeyset, ReportScope } from "./enrollment-report-sql";

/** One enrolment as the report reads it. */
export interface EnrollmentReportRow {
  enrollmentId: string;
  userId: string;
  studentName: string;
  studentEmail: string;
  courseId: string;
  courseTitle: string;
  teacherName: string;
  subject: string;
  status: EnrollmentStatus;
  progressPercent: number;
  lessonsDone: number;
  lessonsTotal: number;
  /** Released quiz points over points possible, in percent; null before any graded quiz. */
  quizAverage: number | null;
  /** Released assignment (and project) points over points possible, in percent; null before any released grade. */
  assignmentAverage: number | null;
  lastActivityAt: Date;
  enrolledAt: Date;
  completedAt: Date | null;
  /** Median progress of the course's active enrolments; null when it has none. */
  courseMedian: number | null;
  atRisk: AtRiskFlags;
}

export interface EnrollmentReport {
  rows: EnrollmentReportRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export interface ReportScopeInfo {
  /** The course of a course scope (for the heading); null for the site. */
  course: { id: string; title: string; teacherId: string } | null;
  /** The scope to read: a section teacher's is narrowed to its sections' students. */
  scope: ReportScope;
}

// A malformed id in the address is simply not found, never a database error.
const uuid = z.uuid();

interface RawRow {
  id: string;
  sortKey: string | null;
  userId: string;
  courseId: string;
  status: EnrollmentStatus;
  progressPercent: string | number;
  lastActivityMs: string | number;
  enrolledMs: string | number;
  completedMs: string | number | null;
  studentName: string;
  studentEmail: string;
  courseTitle: string;
  subject: string;
  teacherName: string;
  lessonsDone: string | number | null;
  lessonsTotal: string | number | null;
  quizAverage: string | number | null;
  assignmentAverage: string | number | null;
  medianH: string | number | null;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toRow(raw: RawRow, now: Date): EnrollmentReportRow {
  const progressPercent = Number(raw.progressPercent);
  const lastActivityAt = new Date(Number(raw.lastActivityMs));
  const medianH = numberOrNull(raw.medianH);
  const courseMedian = medianH === null ? null : medianH / 100;
  return {
    enrollmentId: raw.id,
    userId: raw.userId,
    studentName: raw.studentName,
    studentEmail: raw.studentEmail,
    courseId: raw.courseId,
    courseTitle: raw.courseTitle,
    teacherName: raw.teacherName,
    subject: raw.subject,
    status: raw.status,
    progressPercent,
    lessonsDone: Number(raw.lessonsDone ?? 0),
    lessonsTotal: Number(raw.lessonsTotal ?? 0),
    quizAverage: numberOrNull(raw.quizAverage),
    assignmentAverage: numberOrNull(raw.assignmentAverage),
    lastActivityAt,
    enrolledAt: new Date(Number(raw.enrolledMs)),
    completedAt: raw.completedMs === null ? null : new Date(Number(raw.completedMs)),
    courseMedian,
    atRisk: atRiskFlags({ status: raw.status, progressPercent, lastActivityAt, courseMedian }, now),
  };
}

/**
 * May the actor read this scope? The course of a course scope (teacher of it,
 * or an admin: course.viewStudents), the site (admins: report.viewSite).
 * Null when not, or when the course does not exist. At most one statement.
 */
export async function authorizeReportScope(db: DbOrTx, actor: Actor, scope: ReportScope): Promise<ReportScopeInfo | null> {
  if (scope.kind === "site") return can(actor, "report.viewSite") ? { course: null, scope } : null;
  if (!uuid.safeParse(scope.courseId).success) return null;
  if (actor.role !== "teacher" && actor.role !== "admin") return null;
  const [course] = await db
    .select({
      id: courses.id,
      title: courses.title,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      sectionTeacher: teachesSectionOf(actor, courses.id),
    })
    .from(courses)
    .where(eq(courses.id, scope.courseId));
  if (!course || !can(actor, "course.viewStudents", course)) return null;
  // Not the course's teacher (nor an admin), so a section teacher: its sections' students only.
  const ownsCourse = actor.role === "admin" || course.teacherId === actor.id;
  const effective: ReportScope = ownsCourse ? { kind: "course", courseId: course.id } : { kind: "course", courseId: course.id, sectionTeacherId: actor.id };
  return { course: { id: course.id, title: course.title, teacherId: course.teacherId }, scope: effective };
}

interface ReadRowsInput {
  filters: EnrollmentReportFilters;
  sort: ReportSort;
  dir: SortDirection;
  limit: number;
  offset: number;
  now: Date;
  after?: ReportKeyset;
  medians?: CourseMedians;
}

/**
 * Rows of the report in its order, `limit` from `offset` (after the keyset,
 * when given), without checking access (callers have), each with the keyset
 * that resumes after it. One statement.
 */
export async function readReportRowsWithKeys(
  db: DbOrTx,
  scope: ReportScope,
  { now, ...input }: ReadRowsInput,
): Promise<{ row: EnrollmentReportRow; keyset: ReportKeyset }[]> {
  const result = await db.execute(reportRowsSql({ scope, ...input, now: now.toISOString() }));
  return rowsOf<RawRow>(result).map((raw) => ({ row: toRow(raw, now), keyset: { value: raw.sortKey, id: raw.id } }));
}

/** The median progress of each course of the scope that has active enrolments, without checking access. One statement. */
export async function readCourseMedians(db: DbOrTx, scope: ReportScope, filters: EnrollmentReportFilters): Promise<CourseMedians> {
  const rows = rowsOf<{ course_id: string; median_h: number | string }>(await db.execute(scopeMediansSql(scope, filters)));
  return new Map(rows.map((row) => [row.course_id, Number(row.median_h)]));
}

/** Rows of the report in its order, `limit` from `offset`, without checking access (callers have). One statement. */
export async function readReportRows(db: DbOrTx, scope: ReportScope, input: ReadRowsInput): Promise<EnrollmentReportRow[]> {
  return (await readReportRowsWithKeys(db, scope, input)).map(({ row }) => row);
}

/**
 * One page of the progress report for a course or for the whole site, from
 * the URL's filters, sort and page; null when the actor may not read that
 * scope (a teacher on another teacher's course, a student anywhere), which
 * pages show as not found. Three statements for a course (the access check,
 * the page, the count), two for the site, whatever the page or filters.
 * `now` is when inactivity is measured from (tests pin it).
 */
export async function loadEnrollmentReport(
  db: DbOrTx,
  actor: Actor,
  scope: ReportScope,
  query: EnrollmentReportQuery,
  { now = new Date() }: { now?: Date } = {},
): Promise<EnrollmentReport | null> {
  const access = await authorizeReportScope(db, actor, scope);
  if (!access) return null;
  const [rows, countResult] = await Promise.all([
    readReportRows(db, access.scope, {
      filters: query.filters,
      sort: query.sort,
      dir: query.dir,
      limit: reportPageSize,
      offset: (query.page - 1) * reportPageSize,
      now,
    }),
    db.execute(reportCountSql({ scope: access.scope, filters: query.filters, now: now.toISOString() })),
  ]);
  const total = Number(rowsOf<{ total: number | string }>(countResult)[0]?.total ?? 0);
  return { rows, total, page: query.page, pageCount: pageCountOf(total, reportPageSize), pageSize: reportPageSize };
}

export interface CourseProgressSummary {
  course: { id: string; title: string };
  /** Every enrolment of the course, whatever its status. */
  students: number;
  active: number;
  /** Median progress of the active enrolments; null when there are none. */
  medianProgress: number | null;
  atRisk: number;
}

/**
 * The headline figures of one course, whatever the filters; null when the
 * actor may not read the course's students. Two statements.
 */
export async function loadCourseProgressSummary(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<CourseProgressSummary | null> {
  const access = await authorizeReportScope(db, actor, { kind: "course", courseId });
  if (!access?.course) return null;
  const sectionTeacherId = access.scope.kind === "course" ? access.scope.sectionTeacherId : undefined;
  const result = await db.execute(courseSummarySql(access.course.id, now.toISOString(), sectionTeacherId));
  const row = rowsOf<{ students: number | string; active: number | string; medianH: number | string | null; atRisk: number | string }>(result)[0];
  const medianH = numberOrNull(row?.medianH);
  return {
    course: { id: access.course.id, title: access.course.title },
    students: Number(row?.students ?? 0),
    active: Number(row?.active ?? 0),
    medianProgress: medianH === null ? null : Math.round(medianH) / 100,
    atRisk: Number(row?.atRisk ?? 0),
  };
}
