import "server-only";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { csvRow } from "@/lib/csv/escape-cell";
import { atRiskReasons } from "./at-risk";
import {
  authorizeReportScope,
  readCourseMedians,
  readReportRowsWithKeys,
  type EnrollmentReportRow,
  type ReportKeyset,
  type ReportScope,
} from "./enrollment-report";
import type { EnrollmentReportFilters, ReportSort, SortDirection } from "./report-params";

export { streamLines } from "@/lib/gradebook/gradebook-csv";

/** Rows read per batch: memory stays flat however many enrolments match. */
export const reportCsvBatchSize = 2000;

export interface ReportCsvQuery {
  filters: EnrollmentReportFilters;
  sort: ReportSort;
  dir: SortDirection;
}

const iso = (date: Date | null) => (date ? date.toISOString() : "");

function header(scope: ReportScope): string {
  return csvRow([
    "Student",
    "Email",
    ...(scope.kind === "site" ? ["Course", "Teacher", "Subject"] : []),
    "Enrolment",
    "Progress %",
    "Lessons done",
    "Lessons total",
    "Quiz average %",
    "Assignment average %",
    "Last activity",
    "Enrolled",
    "Completed",
    "At risk",
  ]);
}

function line(scope: ReportScope, row: EnrollmentReportRow): string {
  return csvRow([
    row.studentName,
    row.studentEmail,
    ...(scope.kind === "site" ? [row.courseTitle, row.teacherName, row.subject] : []),
    row.status,
    row.progressPercent,
    row.lessonsDone,
    row.lessonsTotal,
    row.quizAverage,
    row.assignmentAverage,
    iso(row.lastActivityAt),
    iso(row.enrolledAt),
    iso(row.completedAt),
    atRiskReasons(row.atRisk).join("; "),
  ]);
}

/**
 * The report as CSV lines (BOM, header, one line per enrolment), in the
 * report's order, read batch by batch: each batch resumes after the last row
 * of the one before (a keyset on the sort value and id, one statement per
 * batch), so only one batch is ever held, whatever the number of enrolments,
 * and a batch deep into the export costs what the first does in the orders an
 * index serves (an OFFSET would re-read everything before it). The courses'
 * medians (for the at-risk flags and filter) are read once, first: one number
 * per course. The orders by lessons done or an average compute those figures
 * again for each batch. Access is the caller's to check (see
 * exportEnrollmentCsv). Cells are formula-safe (see escape-cell.ts).
 */
export async function* enrollmentCsvLines(
  db: DbOrTx,
  scope: ReportScope,
  query: ReportCsvQuery,
  { now = new Date(), batchSize = reportCsvBatchSize }: { now?: Date; batchSize?: number } = {},
): AsyncGenerator<string> {
  yield `\uFEFF${header(scope)}`;
  const medians = await readCourseMedians(db, scope, query.filters);
  let after: ReportKeyset | undefined;
  for (;;) {
    const batch = await readReportRowsWithKeys(db, scope, { ...query, limit: batchSize, offset: 0, now, after, medians });
    for (const { row } of batch) yield line(scope, row);
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.keyset;
  }
}

/**
 * Checks access, records the export in the audit log (exports of personal
 * data must be traceable: who, which scope, which filters) and hands back the
 * lines; null when the actor may not read that scope.
 */
export async function exportEnrollmentCsv(
  db: DbOrTx,
  actor: Actor,
  scope: ReportScope,
  query: ReportCsvQuery,
  options: { now?: Date; batchSize?: number } = {},
): Promise<AsyncGenerator<string> | null> {
  const access = await authorizeReportScope(db, actor, scope);
  if (!access) return null;
  await recordAudit(db, {
    actorId: actor.id,
    action: "report.exported",
    entityType: scope.kind === "course" ? "course" : "site",
    entityId: scope.kind === "course" ? scope.courseId : null,
    after: { scope: scope.kind, filters: query.filters, sort: query.sort, dir: query.dir },
  });
  return enrollmentCsvLines(db, access.scope, query, options);
}
