import { defaultCalendarRangeDays, getCalendarContract } from "@/lib/api/contracts/calendar";
import { apiRoute } from "@/lib/api/route";
import { calendarItemAnswer } from "@/lib/calendar/api-views";
import { calendarItemsFor } from "@/lib/calendar/calendar-items";
import { loadStoredTimeZone } from "@/lib/calendar/reader-time-zone";

export const GET = apiRoute(getCalendarContract, async ({ db, user, query }) => {
  const from = query.from ? new Date(query.from) : new Date();
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + defaultCalendarRangeDays * 86_400_000);
  const range = { from, to };
  const [items, timeZone] = await Promise.all([calendarItemsFor(db, user, { ...range, courseId: query.courseId }), loadStoredTimeZone(db, user)]);
  return { from: from.toISOString(), to: to.toISOString(), timeZone, data: items.map((item) => calendarItemAnswer(item, range)) };
});
