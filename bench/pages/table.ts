// The table printed at the end of a run: one block per database.
import type { DatabaseSection, PageResult } from "./results";

const columns = ["page", "req/s", "p50 ms", "p99 ms", "SQL/req", "bytes", "of N", "errors"] as const;

function cells(row: PageResult): string[] {
  return [
    row.page,
    row.requestsPerSecond.toFixed(1),
    row.p50Ms === null ? "–" : String(row.p50Ms),
    row.p99Ms === null ? "–" : String(row.p99Ms),
    row.statementsPerRequest === null ? "–" : String(row.statementsPerRequest),
    row.responseBytes.toLocaleString("en"),
    row.shareOfN === null ? "N" : `${row.shareOfN}%`,
    String(row.errors),
  ];
}

export function formatSection(section: DatabaseSection): string {
  const rows = [[...columns], cells(section.reference), ...section.pages.map(cells)];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const title = section.database === "pglite" ? "Embedded database (PGlite)" : "PostgreSQL";
  return [title, line(rows[0]!), ...rows.slice(1).map(line)].join("\n");
}
