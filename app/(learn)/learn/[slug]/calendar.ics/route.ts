import { db } from "@/db";
import { getCurrentUserPastMfaGate } from "@/lib/auth/mfa/gated-user";
import { calendarResponse, courseCalendarFile } from "@/lib/calendar/calendar-files";

const textAnswer = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /learn/<course>/calendar.ics: the course's due dates, openings and
 * events as a file to import into a calendar app, for an enrolled student, the
 * course's teacher or an admin; anyone else (and a missing course) gets not found.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUserPastMfaGate();
  if (!user) return textAnswer(401, "Sign in to download the course calendar.");
  const file = await courseCalendarFile(db, user, { slug });
  if (!file) return textAnswer(404, "Not found");
  return calendarResponse(request, file.text, { cacheControl: "private, no-cache", fileName: file.fileName });
}
