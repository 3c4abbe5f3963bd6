import { z } from "zod";
import type { EnrollmentStatus } from "@/db/schema/enums";
import { pageParam } from "@/lib/pagination";
import { cleanText, firstParam } from "@/lib/url-params";

// The progress report's filters, sort and page live in the URL, for the
// teacher's course view and the admin's site report alike, so every view has
// an address, the CSV export repeats it, and the page works without
// JavaScript. Parsing never throws: a bad value is dropped (filters) or falls
// back to its default (sort, direction, page).
//
// Ranges the wrong way round are swapped, not dropped: "from 80 to 20" and
// "from 2026-03-01 to 2026-02-01" read as the range the person meant.
// Dates are whole UTC days and both ends are inclusive.

export const reportSorts = [
  "student",
  "course",
  "status",
  "progress",
  "lessons",
  "quiz",
  "assignment",
  "lastActivity",
  "enrolled",
] as const;
export type ReportSort = (typeof reportSorts)[number];
export type SortDirection = "asc" | "desc";

// Spelled out rather than read from the schema: the table (a client component)
// imports this module, and the schema would pull the ORM into the browser.
export const reportStatuses = ["active", "completed", "dropped", "suspended"] as const satisfies readonly EnrollmentStatus[];

export const enrollmentStatusLabels: Record<EnrollmentStatus, string> = {
  active: "Active",
  completed: "Completed",
  dropped: "Dropped",
  suspended: "Suspended",
};

export interface EnrollmentReportFilters {
  /** Part of the student's name, username or email. */
  q: string;
  courseId?: string;
  teacherId?: string;
  subject?: string;
  status?: EnrollmentStatus;
  /** Progress range in percent, 0-100, both ends inclusive. */
  progressMin?: number;
  progressMax?: number;
  /** Enrolment date range, yyyy-mm-dd (UTC days), both ends inclusive. */
  enrolledFrom?: string;
  enrolledTo?: string;
  /** Only enrolments flagged at risk (see at-risk.ts). */
  atRisk?: boolean;
  /** Only members of this section of the enrolment's course. */
  sectionId?: string;
}

export interface EnrollmentReportQuery {
  filters: EnrollmentReportFilters;
  sort: ReportSort;
  dir: SortDirection;
  page: number;
}

export const reportPageSize = 25;
const maxSearchLength = 100;
const maxSubjectLength = 60;

export const defaultReportSort: ReportSort = "student";

/**
 * The direction a column sorts in when first chosen: names A→Z; numbers and
 * the last activity lowest/oldest firstParam, so whoever is behind or quiet comes
 * first; enrolment dates newest first.
 */
export const naturalDirection = (sort: ReportSort): SortDirection => (sort === "enrolled" ? "desc" : "asc");

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalUuid = z.preprocess(
  firstParam,
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => (value && uuidPattern.test(value.trim()) ? value.trim().toLowerCase() : undefined)),
);

/** A percentage 0-100 (decimals allowed); empty or out of range reads as no bound. */
const optionalPercent = z.preprocess(
  firstParam,
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => {
      if (value === undefined || !/^\s*\d{1,3}(\.\d{1,2})?\s*$/.test(value)) return undefined;
      const number = Number(value);
      return number >= 0 && number <= 100 ? number : undefined;
    }),
);

/** A real calendar day written yyyy-mm-dd; anything else reads as no bound. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const optionalDay = z.preprocess(
  firstParam,
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => (value && isIsoDay(value.trim()) ? value.trim() : undefined)),
);

const truthy = new Set(["1", "true", "on", "yes"]);

const paramsSchema = z.object({
  q: z.preprocess(firstParam, cleanText(maxSearchLength)),
  courseId: optionalUuid,
  teacherId: optionalUuid,
  subject: z.preprocess(firstParam, cleanText(maxSubjectLength)),
  status: z.preprocess(firstParam, z.enum(reportStatuses).optional().catch(undefined)),
  progressMin: optionalPercent,
  progressMax: optionalPercent,
  enrolledFrom: optionalDay,
  enrolledTo: optionalDay,
  atRisk: z.preprocess(firstParam, z.string().optional().catch(undefined)),
  section: optionalUuid,
  sort: z.preprocess(firstParam, z.enum(reportSorts).catch(defaultReportSort)),
  dir: z.preprocess(firstParam, z.enum(["asc", "desc"]).optional().catch(undefined)),
  page: z.preprocess(firstParam, z.unknown()),
});

// Swapped so the smaller bound comes first (see the note at the top).
function ordered<T extends number | string>(low: T | undefined, high: T | undefined): [T | undefined, T | undefined] {
  return low !== undefined && high !== undefined && low > high ? [high, low] : [low, high];
}

/** Parses the report's URL search parameters (a record as Next passes them, or URLSearchParams); never throws. */
export function parseReportQuery(raw: unknown): EnrollmentReportQuery {
  const input = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw && typeof raw === "object" ? raw : {};
  const result = paramsSchema.safeParse(input);
  const parsed = result.success ? result.data : paramsSchema.parse({});
  const [progressMin, progressMax] = ordered(parsed.progressMin, parsed.progressMax);
  const [enrolledFrom, enrolledTo] = ordered(parsed.enrolledFrom, parsed.enrolledTo);
  const filters: EnrollmentReportFilters = { q: parsed.q };
  if (parsed.courseId) filters.courseId = parsed.courseId;
  if (parsed.teacherId) filters.teacherId = parsed.teacherId;
  if (parsed.subject) filters.subject = parsed.subject;
  if (parsed.status) filters.status = parsed.status;
  if (progressMin !== undefined) filters.progressMin = progressMin;
  if (progressMax !== undefined) filters.progressMax = progressMax;
  if (enrolledFrom) filters.enrolledFrom = enrolledFrom;
  if (enrolledTo) filters.enrolledTo = enrolledTo;
  if (parsed.atRisk !== undefined && truthy.has(parsed.atRisk.trim().toLowerCase())) filters.atRisk = true;
  if (parsed.section) filters.sectionId = parsed.section;
  return {
    filters,
    sort: parsed.sort,
    dir: parsed.dir ?? naturalDirection(parsed.sort),
    page: typeof parsed.page === "string" ? pageParam(parsed.page) : 1,
  };
}

/** The filters as URL parameters, in a stable order, leaving out empty ones. */
export function filterParams(filters: EnrollmentReportFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set("q", filters.q);
  if (filters.courseId) search.set("courseId", filters.courseId);
  if (filters.teacherId) search.set("teacherId", filters.teacherId);
  if (filters.subject) search.set("subject", filters.subject);
  if (filters.status) search.set("status", filters.status);
  if (filters.progressMin !== undefined) search.set("progressMin", String(filters.progressMin));
  if (filters.progressMax !== undefined) search.set("progressMax", String(filters.progressMax));
  if (filters.enrolledFrom) search.set("enrolledFrom", filters.enrolledFrom);
  if (filters.enrolledTo) search.set("enrolledTo", filters.enrolledTo);
  if (filters.atRisk) search.set("atRisk", "1");
  if (filters.sectionId) search.set("section", filters.sectionId);
  return search;
}

const withSearch = (basePath: string, search: URLSearchParams) => {
  const text = search.toString();
  return text ? `${basePath}?${text}` : basePath;
};

/** The report URL for these parameters, leaving out defaults so links stay short. */
export function reportHref(basePath: string, query: { filters: EnrollmentReportFilters; sort?: ReportSort; dir?: SortDirection; page?: number }): string {
  const search = filterParams(query.filters);
  const sort = query.sort ?? defaultReportSort;
  const dir = query.dir ?? naturalDirection(sort);
  if (sort !== defaultReportSort || dir !== naturalDirection(sort)) {
    search.set("sort", sort);
    search.set("dir", dir);
  }
  if (query.page && query.page > 1) search.set("page", String(query.page));
  return withSearch(basePath, search);
}

/** Where a column header leads: its own sort, flipped when it is the current one; back to page 1. */
export function reportSortHref(basePath: string, current: EnrollmentReportQuery, sort: ReportSort): string {
  const dir = current.sort === sort ? (current.dir === "asc" ? "desc" : "asc") : naturalDirection(sort);
  return reportHref(basePath, { filters: current.filters, sort, dir });
}

/** Another page of the same view: filters and sort kept. */
export const reportPageHref = (basePath: string, current: EnrollmentReportQuery, page: number): string =>
  reportHref(basePath, { filters: current.filters, sort: current.sort, dir: current.dir, page });

/** The CSV export of the same filters and order (the export has no pages). */
export function reportExportHref(exportPath: string, current: EnrollmentReportQuery): string {
  const search = filterParams(current.filters);
  search.set("sort", current.sort);
  search.set("dir", current.dir);
  return withSearch(exportPath, search);
}

export const sortLabels: Record<ReportSort, string> = {
  student: "student",
  course: "course",
  status: "status",
  progress: "progress",
  lessons: "lessons done",
  quiz: "quiz average",
  assignment: "assignment average",
  lastActivity: "last activity",
  enrolled: "enrolment date",
};

export type FilterField = "status" | "progressMin" | "progressMax" | "enrolledFrom" | "enrolledTo";

const filterMessages: Record<FilterField, string> = {
  status: "Choose one of the listed statuses.",
  progressMin: "Enter a number from 0 to 100.",
  progressMax: "Enter a number from 0 to 100.",
  enrolledFrom: "Enter a date as yyyy-mm-dd.",
  enrolledTo: "Enter a date as yyyy-mm-dd.",
};

/**
 * The filter fields that were filled in but could not be read, each with the
 * message to show next to it: the report then runs without that filter, and
 * the form says why instead of silently ignoring it.
 */
export function filterErrors(raw: unknown, filters: EnrollmentReportFilters): Partial<Record<FilterField, string>> {
  const input = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const errors: Partial<Record<FilterField, string>> = {};
  for (const field of Object.keys(filterMessages) as FilterField[]) {
    const given = firstParam(input[field]);
    if (typeof given === "string" && given.trim() !== "" && filters[field] === undefined) errors[field] = filterMessages[field];
  }
  return errors;
}
