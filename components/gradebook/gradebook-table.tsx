"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo } from "react";
import type { GradebookStudent, GradebookTask } from "@/lib/gradebook/gradebook-queries";

const column = createColumnHelper<GradebookStudent>();

const cellText = (student: GradebookStudent, taskId: string): { text: string; late: boolean } => {
  const cell = student.cells[taskId];
  if (!cell) return { text: "—", late: false };
  if (cell.points !== null) return { text: String(cell.points), late: cell.isLate };
  if (cell.status === "submitted") return { text: "To grade", late: cell.isLate };
  if (cell.status === "in_progress") return { text: "Started", late: false };
  return { text: "—", late: false };
};

/**
 * Students × published tasks. The header row and the student column stay in
 * view while the grid scrolls on a desktop; on a phone the region scrolls
 * sideways with the student's name still pinned.
 */
export function GradebookTable({ tasks, students }: { tasks: GradebookTask[]; students: GradebookStudent[] }) {
  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Student",
        cell: (info) => (
          <span>
            <span className="font-medium">{info.getValue()}</span>
            {info.row.original.enrollmentStatus !== "active" ? (
              <span className="block text-xs text-ink-muted">{info.row.original.enrollmentStatus}</span>
            ) : null}
          </span>
        ),
      }),
      ...tasks.map((task) =>
        column.display({
          id: task.id,
          header: () => (
            <span>
              {task.title}
              <span className="block font-normal normal-case text-ink-muted">
                {task.type} · /{task.maxPoints ?? "—"}
              </span>
            </span>
          ),
          cell: (info) => {
            const { text, late } = cellText(info.row.original, task.id);
            return (
              <span>
                {text}
                {late ? <span className="ml-1 rounded bg-danger-50 px-1 text-xs font-semibold text-danger-700">late</span> : null}
              </span>
            );
          },
        }),
      ),
      column.display({
        id: "total",
        header: "Total",
        cell: (info) => (
          <span className="font-semibold">
            {info.row.original.earned} / {info.row.original.possible}
            <span className="block text-xs font-normal text-ink-muted">{info.row.original.percent}%</span>
          </span>
        ),
      }),
    ],
    [tasks],
  );
  // The table is rebuilt from the server's page on every render; nothing here relies on memoising it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: students, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true });

  return (
    <div role="region" aria-label="Gradebook" tabIndex={0} className="max-h-[70vh] overflow-auto rounded-card border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-ink-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, index) => (
                <th
                  key={header.id}
                  scope="col"
                  className={`sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-4 py-3 font-semibold ${index === 0 ? "left-0 z-20 min-w-40" : "min-w-28"}`}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell, index) =>
                index === 0 ? (
                  <th key={cell.id} scope="row" className="sticky left-0 border-b border-slate-200 bg-white px-4 py-3 text-left font-normal">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id} className="border-b border-slate-200 px-4 py-3">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
