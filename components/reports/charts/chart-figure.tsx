import type { ReactNode } from "react";

interface ChartFigureProps {
  id: string;
  title: string;
  /** One sentence that says what the chart shows, read out instead of the drawing. */
  summary: string;
  /** The drawing (a client component); hidden from screen readers, which get the summary and the table. */
  chart: ReactNode;
  /** The same figures as a table, the chart's text alternative (also for anyone who wants the numbers). */
  table: ReactNode;
}

/** A chart with a heading, a spoken summary and its data as a table in a <details>. */
export function ChartFigure({ id, title, summary, chart, table }: ChartFigureProps) {
  return (
    <figure aria-labelledby={id} className="flex min-w-0 flex-col gap-3 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption id={id} className="text-base font-semibold">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="min-w-0">
        {chart}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 underline">Show the data as a table</summary>
        <div className="mt-2">{table}</div>
      </details>
    </figure>
  );
}

/** A small data table for a chart's <details>; it scrolls sideways on a phone, reachable by keyboard. */
export function ChartTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <div role="region" aria-label={`${caption} (data)`} tabIndex={0} className="overflow-x-auto">
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-ink-muted">
        <tr>
          {headers.map((header, index) => (
            <th key={header} scope="col" className={`px-2 py-1 font-semibold ${index > 0 ? "text-right" : ""}`}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])} className="border-b border-slate-100 last:border-0">
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="px-2 py-1 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={index} className="px-2 py-1 text-right tabular-nums">
                  {cell}
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
