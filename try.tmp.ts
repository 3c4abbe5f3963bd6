import { connectPostgres } from "@/db";
import { countQueries } from "@/db/query-counter";
import { loadSiteCharts } from "@/lib/reports/site-charts";
import { loadSiteSummary } from "@/lib/reports/site-summary";
import { loadSiteFilterOptions } from "@/lib/reports/site-filter-options";
import { loadEnrollmentReport } from "@/lib/reports/enrollment-report";
import { parseReportQuery } from "@/lib/reports/report-params";
const h = connectPostgres("postgres://postgres@127.0.0.1:5432/jeevi_seedtest", 4);
const actor = { id: "00000000-0000-0000-0000-000000000000", role: "admin" as const };
for (const params of [{}, { subject: "physics", status: "active", enrolledFrom: "2026-09-01", progressMin: "20" }, { atRisk: "1" }]) {
  const query = parseReportQuery(params);
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const { result, count } = await countQueries(() => Promise.all([
      loadEnrollmentReport(h.db, actor, { kind: "site" }, query),
      loadSiteSummary(h.db, actor, query.filters),
      loadSiteCharts(h.db, actor, query.filters),
      loadSiteFilterOptions(h.db, actor),
    ]));
    console.log(JSON.stringify(params), i, Math.round(performance.now() - t), "ms", count, "stmts", result[0]?.total, JSON.stringify(result[1]), result[2]?.weekly.length, JSON.stringify(result[2]?.courses[0]), result[3]?.courses.length);
  }
}
await h.close();
