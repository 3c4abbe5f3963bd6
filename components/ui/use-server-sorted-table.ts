"use client";

import { getCoreRowModel, useReactTable, type TableOptions } from "@tanstack/react-table";

interface ServerSortedTableOptions<Row extends { id: string }> {
  /** One page of rows, already filtered, sorted and paged by the server. */
  rows: Row[];
  columns: TableOptions<Row>["columns"];
  pageCount: number;
  /** The column id the server sorted by, and how. */
  sort: string;
  dir: "asc" | "desc";
  /** 1-based, as in the URL. */
  page: number;
}

/**
 * A TanStack table that only lays out what the server decided: sorting,
 * filtering and paging are manual, and its state mirrors the URL the page
 * was rendered from, so header links and `aria-sort` match the rows.
 */
export function useServerSortedTable<Row extends { id: string }>({ rows, columns, pageCount, sort, dir, page }: ServerSortedTableOptions<Row>) {
  // The React Compiler skips this hook (TanStack returns unmemoisable functions); the
  // table renders from server props only, so nothing goes stale.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    pageCount,
    state: {
      sorting: [{ id: sort, desc: dir === "desc" }],
      pagination: { pageIndex: page - 1, pageSize: rows.length },
    },
  });
}
