"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { SortLinkHead } from "@/components/ui/sort-link-head";
import { TableBodyRows } from "@/components/ui/table-body-rows";
import { TableContainer } from "@/components/ui/table-container";
import { useServerSortedTable } from "@/components/ui/use-server-sorted-table";
import type { EnrollmentTableRow } from "@/lib/reports/enrollment-table-rows";
import { reportSortHref, sortLabels, type EnrollmentReportQuery, type ReportSort } from "@/lib/reports/report-params";

const column = createColumnHelper<EnrollmentTableRow>();

/** The at-risk badge: words, not colour alone, and each reason spelled out. */
function AtRiskBadge({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <span className="mt-1 block">
      <span className="inline-block rounded-full bg-danger-50 px-2 py-0.5 text-xs font-semibold text-danger-700">At risk</span>
      {reasons.map((reason) => (
        <span key={reason} className="block text-xs text-danger-700">
          {reason}
        </span>
      ))}
    </span>
  );
}

// Each column sorts on the server by the key of the same name.
const studentColumn = column.accessor("studentName", {
  id: "student",
  header: "Student",
  cell: ({ row }) => (
    <>
      <Link href={row.original.detailHref} className="font-medium text-brand-700 underline">
        {row.original.studentName}
        <span className="sr-only">: progress details</span>
      </Link>
      <span className="block text-xs text-ink-muted">{row.original.studentEmail}</span>
      <AtRiskBadge reasons={row.original.atRiskReasons} />
    </>
  ),
});

const siteColumns = [
  column.accessor("courseTitle", {
    id: "course",
    header: "Course",
    cell: ({ row }) => (
      <>
        <span className="font-medium">{row.original.courseTitle}</span>
        <span className="block text-xs text-ink-muted">
          {row.original.subject} · {row.original.teacherName}
        </span>
      </>
    ),
  }),
];

const progressColumns = [
  column.accessor("status", { id: "status", header: "Enrolment", cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
  column.accessor("progress", {
    id: "progress",
    header: "Progress",
    cell: ({ row }) => (
      <span className="flex min-w-24 flex-col gap-1">
        <span className="font-semibold">{row.original.progress}</span>
        <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded-full bg-slate-200">
          <span className="block h-full rounded-full bg-brand-600" style={{ width: `${Math.min(100, row.original.progressPercent)}%` }} />
        </span>
      </span>
    ),
  }),
  column.accessor("lessons", { id: "lessons", header: "Lessons done" }),
  column.accessor("quizAverage", { id: "quiz", header: "Quiz average" }),
  column.accessor("assignmentAverage", { id: "assignment", header: "Assignment average" }),
  column.accessor("lastActivity", {
    id: "lastActivity",
    header: "Last activity",
    cell: ({ row }) => <time dateTime={row.original.lastActivityIso}>{row.original.lastActivity}</time>,
  }),
  column.accessor("enrolled", {
    id: "enrolled",
    header: "Enrolled",
    cell: ({ row }) => <time dateTime={row.original.enrolledIso}>{row.original.enrolled}</time>,
  }),
];

const courseScopeColumns = [studentColumn, ...progressColumns];
const siteScopeColumns = [studentColumn, ...siteColumns, ...progressColumns];

interface EnrollmentTableProps {
  rows: EnrollmentTableRow[];
  query: EnrollmentReportQuery;
  /** The page the header links sort (its filters kept). */
  basePath: string;
  pageCount: number;
  /** "course": one course's students; "site": every enrolment, with course, subject and teacher. */
  scope: "course" | "site";
  label: string;
}

/**
 * Enrolments with their progress, sorted, filtered and paged on the server
 * from the URL: TanStack Table lays out the columns, and each header is a link
 * to the same page sorted by that column, so sorting works without JavaScript.
 */
export function EnrollmentTable({ rows, query, basePath, pageCount, scope, label }: EnrollmentTableProps) {
  const table = useServerSortedTable({ rows, columns: scope === "site" ? siteScopeColumns : courseScopeColumns, pageCount, sort: query.sort, dir: query.dir, page: query.page });

  return (
    <TableContainer label={label}>
      <table className={`w-full text-left text-sm ${scope === "site" ? "min-w-[64rem]" : "min-w-[56rem]"}`}>
        <caption className="sr-only">
          {label}, sorted by {sortLabels[query.sort]} {query.dir === "asc" ? "ascending" : "descending"}. Select a column header to sort by it.
        </caption>
        <SortLinkHead table={table} sortHref={(id) => reportSortHref(basePath, query, id as ReportSort)} />
        <TableBodyRows table={table} emptyText="No enrolments match these filters." />
      </table>
    </TableContainer>
  );
}
