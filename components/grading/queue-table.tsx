"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { TableContainer } from "@/components/ui/table-container";
import type { QueueRow } from "@/lib/assignments/queue-queries";
import { GradeStatus, LateMark } from "./grade-status";

const column = createColumnHelper<QueueRow>();
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

// Sorting, filtering and paging happen on the server (URL parameters); the
// table only lays out the page it was given.
const columns = [
  column.accessor("studentName", {
    header: "Student",
    cell: (info) => (
      <Link href={`/teacher/grading/${info.row.original.submissionId}`} className="font-medium text-brand-700 underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("assignmentTitle", {
    header: "Assignment",
    cell: (info) => (
      <span>
        {info.getValue()}
        <span className="block text-xs text-ink-muted">{info.row.original.courseTitle}</span>
      </span>
    ),
  }),
  column.accessor("submittedAt", {
    header: "Handed in",
    cell: (info) => (
      <span className="flex flex-wrap items-center gap-2">
        <time dateTime={new Date(info.getValue()).toISOString()}>{dateTime.format(new Date(info.getValue()))}</time>
        <LateMark isLate={info.row.original.isLate} daysLate={info.row.original.daysLate} />
      </span>
    ),
  }),
  column.accessor("version", { header: "Version", cell: (info) => `v${info.getValue()}` }),
  column.accessor("gradeStatus", { header: "Status", cell: (info) => <GradeStatus status={info.getValue()} /> }),
  column.accessor("points", {
    header: "Points",
    cell: (info) => (info.getValue() === null ? "—" : `${info.getValue()} / ${info.row.original.maxPoints ?? "—"}`),
  }),
];

export function QueueTable({ rows, sortHref, sort }: { rows: QueueRow[]; sortHref: string; sort: "oldest" | "newest" }) {
  // The table is rebuilt from the server's page on every render; nothing here relies on memoising it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true, manualSorting: true });
  return (
    <TableContainer label="Hand-ins to grade">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-ink-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className="px-4 py-3 font-semibold"
                  aria-sort={header.column.id === "submittedAt" ? (sort === "oldest" ? "ascending" : "descending") : undefined}
                >
                  {header.column.id === "submittedAt" ? (
                    <Link href={sortHref} className="underline">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">{sort === "oldest" ? " ↑" : " ↓"}</span>
                      <span className="sr-only">{sort === "oldest" ? " (oldest first; show newest first)" : " (newest first; show oldest first)"}</span>
                    </Link>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-200">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-4 py-3 align-top">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
