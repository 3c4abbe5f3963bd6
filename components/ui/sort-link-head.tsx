"use client";

import { flexRender, type Table } from "@tanstack/react-table";
import Link from "next/link";

interface SortLinkHeadProps<Row> {
  table: Table<Row>;
  /** The same page sorted by this column (its filters kept). */
  sortHref: (columnId: string) => string;
}

/**
 * The head of a table sorted on the server: each sortable column header is a
 * link to the page sorted by it, so sorting works without JavaScript, and
 * `aria-sort` tells assistive technology which column orders the rows.
 * Display columns (no accessor) cannot sort and render as plain headers.
 */
export function SortLinkHead<Row>({ table, sortHref }: SortLinkHeadProps<Row>) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const label = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <th
                key={header.id}
                scope="col"
                aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                className="px-4 py-3 font-semibold"
              >
                {header.column.getCanSort() ? (
                  <Link
                    href={sortHref(header.column.id)}
                    scroll={false}
                    className="inline-flex items-center gap-1 underline-offset-2 hover:text-ink hover:underline"
                  >
                    {label}
                    <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                  </Link>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
