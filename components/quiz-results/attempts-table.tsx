"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { SortLinkHead } from "@/components/ui/sort-link-head";
import { TableBodyRows } from "@/components/ui/table-body-rows";
import { TableContainer } from "@/components/ui/table-container";
import { useServerSortedTable } from "@/components/ui/use-server-sorted-table";
import { sortHref, type AttemptSort, type AttemptState, type AttemptsQuery } from "@/lib/quizzes/results-params";
import { AttemptStateBadge } from "./attempt-state-badge";

/** One attempt as the table shows it: plain values, dates already formatted on the server. */
export interface AttemptTableRow {
  id: string;
  /** The attempt's answers and grades, once submitted. */
  reviewHref: string | null;
  studentName: string;
  studentEmail: string;
  attemptNumber: number;
  state: AttemptState;
  startedIso: string;
  started: string;
  submittedIso: string | null;
  submitted: string;
  duration: string;
  /** "4 / 6", or a dash before grading. */
  points: string;
  percent: string;
  /** An essay waits for the teacher: the score shown is provisional. */
  awaitingGrading: boolean;
}

const column = createColumnHelper<AttemptTableRow>();

// Each column sorts on the server by the key of the same name.
const columns = [
  column.accessor("studentName", {
    id: "student",
    header: "Student",
    cell: ({ row }) => (
      <>
        {row.original.reviewHref ? (
          <Link href={row.original.reviewHref} className="font-medium text-brand-700 underline">
            {row.original.studentName}
            <span className="sr-only">: attempt {row.original.attemptNumber} answers</span>
          </Link>
        ) : (
          <span className="font-medium">{row.original.studentName}</span>
        )}
        <span className="block text-xs text-ink-muted">{row.original.studentEmail}</span>
      </>
    ),
  }),
  column.accessor("attemptNumber", { id: "attempt", header: "Attempt" }),
  column.accessor("state", { id: "status", header: "Status", cell: ({ getValue }) => <AttemptStateBadge state={getValue()} /> }),
  column.accessor("started", {
    id: "started",
    header: "Started",
    cell: ({ row }) => <time dateTime={row.original.startedIso}>{row.original.started}</time>,
  }),
  column.accessor("submitted", {
    id: "submitted",
    header: "Submitted",
    cell: ({ row }) =>
      row.original.submittedIso ? <time dateTime={row.original.submittedIso}>{row.original.submitted}</time> : row.original.submitted,
  }),
  column.accessor("duration", { id: "duration", header: "Duration" }),
  column.accessor("percent", {
    id: "score",
    header: "Score",
    cell: ({ row }) => (
      <>
        <span className="font-semibold">{row.original.percent}</span>
        <span className="block text-xs text-ink-muted">{row.original.points}</span>
        {row.original.awaitingGrading ? (
          <span className="mt-1 inline-block whitespace-nowrap rounded-full bg-warning-50 px-2 py-0.5 text-xs font-semibold text-warning-800">
            Awaiting grading
          </span>
        ) : null}
      </>
    ),
  }),
];

interface AttemptsTableProps {
  rows: AttemptTableRow[];
  query: AttemptsQuery;
  basePath: string;
  pageCount: number;
}

/**
 * Every attempt of the quiz, sorted, filtered and paged on the server from the
 * URL: TanStack Table lays out the columns, and each header is a link to the
 * same page sorted by that column, so sorting works without JavaScript too.
 */
export function AttemptsTable({ rows, query, basePath, pageCount }: AttemptsTableProps) {
  const table = useServerSortedTable({ rows, columns: columns, pageCount, sort: query.sort, dir: query.dir, page: query.page });

  return (
    <TableContainer label="Attempts table">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">
          Attempts, sorted by {query.sort} {query.dir === "asc" ? "ascending" : "descending"}. Select a column header to sort by it.
        </caption>
        <SortLinkHead table={table} sortHref={(id) => sortHref(basePath, query, id as AttemptSort)} />
        <TableBodyRows table={table} />
      </table>
    </TableContainer>
  );
}
