import { db as database } from "@/db";
import { courseCalendarContract } from "@/lib/api/contracts/calendar-feeds";
import { ApiProblem } from "@/lib/api/problem";
import { ApiFile, apiRoute } from "@/lib/api/route";
import { courseCalendarFile } from "@/lib/calendar/calendar-files";

// The same file as /learn/<course>/calendar.ics, for API clients. The collector runs several
// statements side by side, so it takes the database itself (what a GET's `db` is).
export const GET = apiRoute(courseCalendarContract, async ({ user, params }) => {
  const file = await courseCalendarFile(database, user, { courseId: params.courseId });
  if (!file) throw new ApiProblem("not_found", "This course does not exist, or you cannot see it.");
  return new ApiFile(file.text, "text/calendar; charset=utf-8", file.fileName);
});
