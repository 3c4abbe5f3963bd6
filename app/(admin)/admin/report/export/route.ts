import { db } from "@/db";
import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { costlyLimits, countCostlyUse, tooManyRequestsResponse } from "@/lib/security/costly-limits";
import { exportEnrollmentCsv, streamLines } from "@/lib/reports/enrollment-csv";
import { parseReportQuery } from "@/lib/reports/report-params";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /admin/report/export: every enrolment matching the report's filters, in
 * its order (no paging), as CSV, streamed batch by batch, for admins only;
 * anyone else gets not found. The export is recorded in the audit log.
 */
export async function GET(request: Request) {
  const user = await getCurrentUserPastMfaGate();
  if (!user) return new Response("Sign in to export the report.", { status: 401 });
  // A whole report per request: counted per user before any of it is read.
  const allowance = await countCostlyUse(db, costlyLimits.csvExport, user.id);
  if (!allowance.allowed) return tooManyRequestsResponse(allowance);
  const query = parseReportQuery(new URL(request.url).searchParams);
  const lines = await exportEnrollmentCsv(db, user, { kind: "site" }, { filters: query.filters, sort: query.sort, dir: query.dir });
  if (!lines) return notFound();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(streamLines(lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="site-report-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
