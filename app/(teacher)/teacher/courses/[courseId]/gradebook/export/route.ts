import { db } from "@/db";
import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { costlyLimits, countCostlyUse, tooManyRequestsResponse } from "@/lib/security/costly-limits";
import { gradebookCsvLines, streamLines } from "@/lib/gradebook/gradebook-csv";
import { gradebookStudents, loadGradebookCourse, loadGradebookTasks } from "@/lib/gradebook/gradebook-queries";
import { parseGradebookParams } from "@/lib/gradebook/gradebook-schema";
import { z } from "zod";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** GET …/gradebook/export: the whole gradebook as CSV, streamed, for the course's teacher, a section teacher (its sections) or an admin. */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await getCurrentUserPastMfaGate();
  if (!user) return new Response("Sign in to export the gradebook.", { status: 401 });
  if (!z.uuid().safeParse(courseId).success) return notFound();
  // A whole report per request: counted per user before any of it is read.
  const allowance = await countCostlyUse(db, costlyLimits.csvExport, user.id);
  if (!allowance.allowed) return tooManyRequestsResponse(allowance);
  const course = await loadGradebookCourse(db, user, courseId);
  if (!course) return notFound();
  const tasks = await loadGradebookTasks(db, course.id);
  // A section teacher's export holds its sections' students; `section` narrows it like the page.
  const { section } = parseGradebookParams(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(streamLines(gradebookCsvLines(db, course.id, tasks, gradebookStudents(user, course, section))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${course.slug}-gradebook.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
