"use client";

import { flexRender, type Table } from "@tanstack/react-table";

interface TableBodyRowsProps<Row> {
  table: Table<Row>;
  /** Shown across every column when there is no row. */
  emptyText?: string;
  /** The column whose cell heads its row (`<th scope="row">`), for screen readers' row names. */
  rowHeaderColumn?: string;
}

/** The body of a TanStack table as the server-sorted tables lay it out. */
export function TableBodyRows<Row>({ table, emptyText, rowHeaderColumn }: TableBodyRowsProps<Row>) {
  const rows = table.getRowModel().rows;
  return (
    <tbody>
      {rows.length === 0 && emptyText ? (
        <tr>
          <td colSpan={table.getVisibleLeafColumns().length} className="px-4 py-6 text-center text-ink-muted">
            {emptyText}
          </td>
        </tr>
      ) : (
        rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-100 last:border-0">
            {row.getVisibleCells().map((cell) =>
              cell.column.id === rowHeaderColumn ? (
                <th key={cell.id} scope="row" className="px-4 py-3 text-left align-top font-normal">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </th>
              ) : (
                <td key={cell.id} className="px-4 py-3 align-top">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ),
            )}
          </tr>
        ))
      )}
    </tbody>
  );
}
