import { z } from "zod";
import { db } from "@/db";
import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { costlyLimits, countCostlyUse, tooManyRequestsResponse } from "@/lib/security/costly-limits";
import { exportEnrollmentCsv, streamLines } from "@/lib/reports/enrollment-csv";
import { parseReportQuery } from "@/lib/reports/report-params";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET …/progress/export: the course's progress report as CSV, streamed, with
 * the same filters and order as the page (no paging), for the course's
 * teacher or an admin. Another teacher's course is not found. The export is
 * recorded in the audit log.
 */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await getCurrentUserPastMfaGate();
  if (!user) return new Response("Sign in to export the progress report.", { status: 401 });
  if (!z.uuid().safeParse(courseId).success) return notFound();
  // A whole report per request: counted per user before any of it is read.
  const allowance = await countCostlyUse(db, costlyLimits.csvExport, user.id);
  if (!allowance.allowed) return tooManyRequestsResponse(allowance);
  const query = parseReportQuery(new URL(request.url).searchParams);
  const lines = await exportEnrollmentCsv(db, user, { kind: "course", courseId }, { filters: query.filters, sort: query.sort, dir: query.dir });
  if (!lines) return notFound();
  return new Response(streamLines(lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="course-progress-${courseId}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
