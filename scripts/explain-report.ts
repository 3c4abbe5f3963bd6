// Prints EXPLAIN (ANALYZE, BUFFERS) for each statement of the admin report:
// the first page in the default order and its count, a filtered page, the
// at-risk filter, the select options, the tiles, the charts and one CSV batch.
// Needs DATABASE_URL (a PostgreSQL server) with data in it, e.g. a copy of the
// bench database: `npx tsx --conditions=react-server scripts/explain-report.ts`.
// (The react-server condition lets the report's server-only modules load.)
import { sql, type SQL } from "drizzle-orm";
import { connectPostgres, type DbOrTx } from "@/db";
import { databaseUrl } from "@/db/config";
import { rowsOf } from "@/lib/db/rows";
import { reportCsvBatchSize } from "@/lib/reports/enrollment-csv";
import { reportCountSql, reportRowsSql, scopeMediansSql, type CourseMedians, type ReportKeyset } from "@/lib/reports/enrollment-report-sql";
import { parseReportQuery, reportPageSize } from "@/lib/reports/report-params";
import { siteChartsSql } from "@/lib/reports/site-charts";
import { siteFilterOptionsSql } from "@/lib/reports/site-filter-options";
import { siteSummarySql } from "@/lib/reports/site-summary";
import { runScript } from "./run-script";

export interface ExplainedStatement {
  name: string;
  statement: SQL;
}

/**
 * The report's statements for a first page, a filtered page and a CSV export
 * (its medians, its first batch, and the batch after it: the medians and that
 * keyset are read from `db`),
 * as the page and the export run them.
 */
export async function reportStatements(db: DbOrTx, now = new Date()): Promise<ExplainedStatement[]> {
  const site = { kind: "site" } as const;
  const first = parseReportQuery({});
  const filtered = parseReportQuery({ subject: "physics", status: "active", progressMin: "20", progressMax: "90", enrolledFrom: "2026-01-01", sort: "progress" });
  const atRisk = parseReportQuery({ atRisk: "1" });
  const page = (query: typeof first) => ({ scope: site, filters: query.filters, sort: query.sort, dir: query.dir, limit: reportPageSize, offset: 0, now: now.toISOString() });
  const mediansOf = async (query: typeof first): Promise<CourseMedians> =>
    new Map(rowsOf<{ course_id: string; median_h: number }>(await db.execute(scopeMediansSql(site, query.filters))).map((row) => [row.course_id, Number(row.median_h)]));
  const [allMedians, physicsMedians] = await Promise.all([mediansOf(first), mediansOf(filtered)]);
  const csvBatch = (query: typeof first, medians: CourseMedians, after?: ReportKeyset) =>
    reportRowsSql({ ...page(query), limit: reportCsvBatchSize, after, medians });
  const firstBatch = rowsOf<{ id: string; sortKey: string | null }>(await db.execute(csvBatch(first, allMedians)));
  const last = firstBatch.at(-1);
  const secondBatch = csvBatch(first, allMedians, last ? { value: last.sortKey, id: last.id } : undefined);
  return [
    { name: "table: first page, default order (student)", statement: reportRowsSql(page(first)) },
    { name: "table: count, no filter", statement: reportCountSql({ scope: site, filters: first.filters, now: now.toISOString() }) },
    { name: "table: filtered page (physics, active, 20–90 %, since 2026-01-01, by progress)", statement: reportRowsSql(page(filtered)) },
    { name: "table: filtered count", statement: reportCountSql({ scope: site, filters: filtered.filters, now: now.toISOString() }) },
    { name: "table: at-risk page", statement: reportRowsSql(page(atRisk)) },
    { name: "select options", statement: siteFilterOptionsSql },
    { name: "tiles, no filter", statement: siteSummarySql(first.filters, now) },
    { name: "tiles, filtered", statement: siteSummarySql(filtered.filters, now) },
    { name: "charts, no filter", statement: siteChartsSql(first.filters, now) },
    { name: "charts, filtered", statement: siteChartsSql(filtered.filters, now) },
    { name: "CSV: the courses' medians, read once", statement: scopeMediansSql(site, first.filters) },
    { name: `CSV: the first batch of ${reportCsvBatchSize} rows, default order`, statement: csvBatch(first, allMedians) },
    { name: `CSV: the batch after it (keyset), default order`, statement: secondBatch },
    { name: `CSV: the first batch, filtered`, statement: csvBatch(filtered, physicsMedians) },
  ];
}

async function main() {
  const url = databaseUrl();
  if (!url) {
    console.error("\nSet DATABASE_URL to a PostgreSQL database with data (EXPLAIN on the embedded database says little about a server).\n");
    process.exitCode = 1;
    return;
  }
  const handle = connectPostgres(url, 1);
  try {
    for (const { name, statement } of await reportStatements(handle.db)) {
      const result = await handle.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      console.log(`\n=== ${name} ===`);
      for (const row of rowsOf<{ "QUERY PLAN": string }>(result)) console.log(row["QUERY PLAN"]);
    }
  } finally {
    await handle.close();
  }
}

// Run as a script, not when imported (the bench prints these plans too).
if (import.meta.url === `file://${process.argv[1]}`) await runScript(main);
