// Calendar items as one iCalendar file (RFC 5545): the private feed that
// Google Calendar, Outlook and Apple Calendar subscribe to, and a course's
// .ics download. One VEVENT per item with a UID that never changes (the
// item's id at the site's host), so an app updates the event it already has
// instead of adding another; the item's last change is its DTSTAMP and
// LAST-MODIFIED, so the same items always make the same bytes (the feed's
// ETag). Pure: no clock, no I/O.
import type { CalendarItem } from "../calendar-item";
import { allOccurrences } from "../expand-recurrence";
import { normalizeTimeZone, wallClockAt } from "../time-zone";
import { crlf, property, textProperty } from "./content-line";
import { markdownToPlainText } from "./plain-text";
import { dateValue, durationValue, localDateTimeValue, nextDay, utcDateTimeValue } from "./values";
import { vtimezoneLines } from "./vtimezone";
import { isUtcZone } from "./zone-offsets";

export interface CalendarOptions {
  /** X-WR-CALNAME and NAME: what the app calls the calendar. */
  name: string;
  /** X-WR-CALDESC and DESCRIPTION. */
  description: string;
  /** The site's absolute address: event URLs are made from it, and its host ends every UID. */
  siteUrl: string;
  /** X-WR-TIMEZONE: the reader's zone, when known (apps show the calendar in it). */
  timeZone: string | null;
  /** How often a subscribed app should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshMinutes: number;
  /** The last moment the calendar covers: the zones' data reaches at least this far, for events repeating without end. */
  coversUntil: Date;
}

export const productId = "-//Jeevi Academy//Jeevi Academy Calendar//EN";

const frequencyOf = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY" } as const;

/** The zone a timed item's times are written in: a known, non-UTC zone of a course event, or null for UTC. */
export function zoneOf(item: CalendarItem): string | null {
  if (item.allDay) return null;
  const zone = normalizeTimeZone(item.recurrence?.timeZone ?? item.timeZone ?? null);
  return zone && !isUtcZone(zone) ? zone : null;
}

/** How far a zone's data must reach for an item: its end, or its series' end up to what the calendar covers. */
function lastMomentOf(item: CalendarItem, coversUntil: Date): Date {
  const end = item.endsAt ?? item.startsAt;
  // Later years of a series repeat the zone's current rule, which its VTIMEZONE states without end.
  const seriesEnd = item.recurrence ? (item.recurrence.until ?? coversUntil) : end;
  return new Date(Math.max(end.getTime(), Math.min(seriesEnd.getTime(), coversUntil.getTime())));
}

// The dates an all-day item covers (stored at UTC midnights, so read in UTC): the day it starts to the day
// it ends, DTEND being the day after. An end at midnight is the end of the day before; a single moment is its one day.
function allDayLines(item: CalendarItem): string[] {
  const start = wallClockAt(item.startsAt, "UTC");
  const endInstant = item.endsAt && item.endsAt.getTime() > item.startsAt.getTime() ? item.endsAt : null;
  let end = nextDay(start);
  if (endInstant) {
    const clock = wallClockAt(endInstant, "UTC");
    const atMidnight = clock.hour === 0 && clock.minute === 0 && clock.second === 0;
    const candidate = atMidnight ? clock : nextDay(clock);
    if (dateValue(candidate) > dateValue(start)) end = candidate;
  }
  return [property("DTSTART", dateValue(start), { VALUE: "DATE" }), property("DTEND", dateValue(end), { VALUE: "DATE" })];
}

function timeLines(item: CalendarItem): string[] {
  if (item.allDay) return allDayLines(item);
  const zone = zoneOf(item);
  // A due date or an opening is a moment: it ends where it starts.
  const end = item.endsAt && item.endsAt.getTime() > item.startsAt.getTime() ? item.endsAt : item.startsAt;
  if (!zone) return [property("DTSTART", utcDateTimeValue(item.startsAt)), property("DTEND", utcDateTimeValue(end))];
  return [
    property("DTSTART", localDateTimeValue(wallClockAt(item.startsAt, zone)), { TZID: zone }),
    property("DTEND", localDateTimeValue(wallClockAt(end, zone)), { TZID: zone }),
  ];
}

// A series may end by a date and a count both, whichever comes first; an RRULE takes one of them (RFC 5545 3.3.10),
// so the one that ends it is kept: the count when its last occurrence starts by the date.
function endOf(item: CalendarItem): "count" | "until" | null {
  const recurrence = item.recurrence!;
  if (recurrence.count === null) return recurrence.until ? "until" : null;
  if (recurrence.until === null) return "count";
  const span = {
    startsAt: item.startsAt,
    endsAt: item.endsAt ?? item.startsAt,
    allDay: item.allDay,
    timeZone: recurrence.timeZone,
    recurrence: { ...recurrence, until: null },
  };
  const counted = allOccurrences(span, recurrence.count);
  return counted.length === recurrence.count && counted.at(-1)!.startsAt <= recurrence.until ? "count" : "until";
}

function recurrenceLine(item: CalendarItem): string | null {
  const recurrence = item.recurrence;
  if (!recurrence) return null;
  const parts = [`FREQ=${frequencyOf[recurrence.frequency]}`];
  if (recurrence.interval > 1) parts.push(`INTERVAL=${recurrence.interval}`);
  const end = endOf(item);
  if (end === "count") parts.push(`COUNT=${recurrence.count}`);
  if (end === "until") {
    // UNTIL is a DATE when DTSTART is one, and otherwise in UTC (RFC 5545 3.3.10).
    parts.push(`UNTIL=${item.allDay ? dateValue(wallClockAt(recurrence.until!, "UTC")) : utcDateTimeValue(recurrence.until!)}`);
  }
  return property("RRULE", parts.join(";"));
}

function descriptionOf(item: CalendarItem, url: string): string {
  const body = markdownToPlainText(item.description);
  return [body, `Course: ${item.courseTitle}`, url].filter(Boolean).join("\n\n");
}

function eventLines(item: CalendarItem, options: CalendarOptions, host: string): string[] {
  const url = new URL(item.path, `${options.siteUrl}/`).toString();
  const stamp = utcDateTimeValue(item.updatedAt);
  const rule = recurrenceLine(item);
  return [
    "BEGIN:VEVENT",
    textProperty("UID", `${item.id}@${host}`),
    property("DTSTAMP", stamp),
    property("LAST-MODIFIED", stamp),
    property("SEQUENCE", String(Math.max(0, Math.trunc(item.sequence)))),
    ...timeLines(item),
    ...(rule ? [rule] : []),
    // The title says what it is ("Due: Lab report", "Opens: Module 2"); the course says where.
    textProperty("SUMMARY", `${item.title} (${item.courseTitle})`),
    textProperty("DESCRIPTION", descriptionOf(item, url)),
    property("URL", url, { VALUE: "URI" }),
    ...(item.location.trim() ? [textProperty("LOCATION", item.location.trim())] : []),
    textProperty("CATEGORIES", item.courseTitle),
    // A due date or an opening does not make anyone busy; a class does.
    property("TRANSP", item.kind === "event" ? "OPAQUE" : "TRANSPARENT"),
    "END:VEVENT",
  ];
}

const byStartThenId = (a: CalendarItem, b: CalendarItem) =>
  a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The iCalendar text of the items: CRLF line endings, lines folded at 75 octets, one VTIMEZONE per zone used. */
export function writeCalendar(items: readonly CalendarItem[], options: CalendarOptions): string {
  const host = new URL(options.siteUrl).hostname;
  const sorted = [...items].sort(byStartThenId);
  const zoneSpans = new Map<string, { from: Date; to: Date }>();
  for (const item of sorted) {
    const zone = zoneOf(item);
    if (!zone) continue;
    const span = zoneSpans.get(zone);
    const last = lastMomentOf(item, options.coversUntil);
    if (!span) zoneSpans.set(zone, { from: item.startsAt, to: last });
    else if (last > span.to) span.to = last;
  }
  const refresh = durationValue(options.refreshMinutes);
  const timeZone = normalizeTimeZone(options.timeZone);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    property("PRODID", productId),
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    textProperty("NAME", options.name),
    textProperty("X-WR-CALNAME", options.name),
    textProperty("DESCRIPTION", options.description),
    textProperty("X-WR-CALDESC", options.description),
    ...(timeZone ? [textProperty("X-WR-TIMEZONE", timeZone)] : []),
    property("REFRESH-INTERVAL", refresh, { VALUE: "DURATION" }),
    property("X-PUBLISHED-TTL", refresh),
    ...[...zoneSpans].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([zone, span]) => vtimezoneLines(zone, span)),
    ...sorted.flatMap((item) => eventLines(item, options, host)),
    "END:VCALENDAR",
  ];
  return lines.join(crlf) + crlf;
}
