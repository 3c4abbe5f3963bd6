// Words for calendar dates in the reader's zone. Pure.
import type { CalendarRecurrence } from "./calendar-item";
import { dateTimeFormat, isoDayIn, zoneAbbreviation } from "./time-zone";

const dateTime = (timeZone: string): Intl.DateTimeFormatOptions => ({
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone,
});

/** "Mon, 7 Dec 2026, 09:00 GMT". */
export function formatDateTime(instant: Date, timeZone: string): string {
  return `${dateTimeFormat("en-GB", dateTime(timeZone)).format(instant)} ${zoneAbbreviation(instant, timeZone)}`;
}

/** "Mon, 7 Dec 2026" of a date (an all-day event's, read in UTC). */
export function formatDay(instant: Date, timeZone = "UTC"): string {
  return dateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone }).format(instant);
}

/** When an event (or one occurrence) happens, in words: "Mon, 7 Dec 2026, 09:00–10:30 GMT", "Mon, 7 Dec 2026 – Wed, 9 Dec 2026 (all day)". */
export function formatSpan(startsAt: Date, endsAt: Date | null, allDay: boolean, timeZone: string): string {
  if (allDay) {
    const last = endsAt ? new Date(endsAt.getTime() - 86_400_000) : startsAt;
    const first = formatDay(startsAt);
    return isoDayIn(last, "UTC") === isoDayIn(startsAt, "UTC") ? `${first} (all day)` : `${first} – ${formatDay(last)} (all day)`;
  }
  if (!endsAt || endsAt.getTime() === startsAt.getTime()) return formatDateTime(startsAt, timeZone);
  if (isoDayIn(startsAt, timeZone) === isoDayIn(endsAt, timeZone)) {
    const end = dateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(endsAt);
    const start = dateTimeFormat("en-GB", dateTime(timeZone)).format(startsAt);
    return `${start}–${end} ${zoneAbbreviation(endsAt, timeZone)}`;
  }
  return `${formatDateTime(startsAt, timeZone)} – ${formatDateTime(endsAt, timeZone)}`;
}

const units = { daily: ["day", "days"], weekly: ["week", "weeks"], monthly: ["month", "months"] } as const;

/** "Every week, 10 times", "Every 2 days until Fri, 12 Mar 2027", "Every month". */
export function describeRecurrence(recurrence: CalendarRecurrence, timeZone: string): string {
  const [one, many] = units[recurrence.frequency];
  const every = recurrence.interval === 1 ? `Every ${one}` : `Every ${recurrence.interval} ${many}`;
  if (recurrence.count !== null) return `${every}, ${recurrence.count} time${recurrence.count === 1 ? "" : "s"}`;
  if (recurrence.until) return `${every} until ${formatDay(recurrence.until, recurrence.timeZone === "UTC" ? "UTC" : timeZone)}`;
  return every;
}
