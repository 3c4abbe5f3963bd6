import { db } from "@/db";
import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { exportCourse, exportQuery } from "@/lib/course-transfer/export-course";
import { costlyLimits, countCostlyUse, tooManyRequestsResponse } from "@/lib/security/costly-limits";

const textAnswer = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET …/export?format=backup|backup-with-work|cartridge: the course as a zip
 * made while it is sent, for the course's teacher or an admin; anyone else
 * (and a missing course) gets not found.
 */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await getCurrentUserPastMfaGate();
  if (!user) return textAnswer(401, "Sign in to download a course.");
  const format = new URL(request.url).searchParams.get("format");
  const query = exportQuery.safeParse({ format: format ?? undefined });
  if (!query.success) return textAnswer(400, query.error.issues[0]!.message);
  // A whole course per request: counted per user (with the CSV exports) before any of it is read.
  const allowance = await countCostlyUse(db, costlyLimits.csvExport, user.id);
  if (!allowance.allowed) return tooManyRequestsResponse(allowance);
  const exported = await exportCourse(db, user, courseId, query.data.format);
  if (!exported) return textAnswer(404, "Not found");
  return new Response(exported.stream, {
    headers: {
      "Content-Type": exported.contentType,
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
