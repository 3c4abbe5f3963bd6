// The occurrences of a recurring course event within a range of time. Pure.
// Each occurrence keeps the first one's wall-clock time in the event's zone
// (a 09:00 class stays at 09:00 after the clocks change), lasts as long as the
// first, and the series ends after `until` or `count` occurrences, as RFC 5545
// reads FREQ/INTERVAL/UNTIL/COUNT. A monthly event on the 31st (or the 29th
// of February, yearly by 12 months) skips the months without that day; a
// skipped month is no occurrence and does not count towards `count`.
import type { RecurrenceFrequency } from "@/db/schema/enums";
import { addDays, daysInMonth, instantOf, parseIsoDay, wallClockAt, isoDayOf, type IsoDay } from "./time-zone";

export interface RecurrenceRule {
  frequency: RecurrenceFrequency;
  /** Every `interval` days, weeks or months (1-365). */
  interval: number;
  /** The last moment an occurrence may start at (inclusive); null for none. */
  until: Date | null;
  /** How many occurrences in all, the first included; null for no limit. */
  count: number | null;
}

export interface RecurringSpan {
  startsAt: Date;
  endsAt: Date;
  /** All-day events are stored at UTC midnights, so their dates repeat in UTC. */
  allDay: boolean;
  timeZone: string;
  recurrence: RecurrenceRule | null;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export interface TimeRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** Steps taken at most for one series: 270 years of a daily event. */
const maxSteps = 100_000;

/** Whether a span [start, end) meets the range; an instant (start = end) counts when it lies within it. */
export function overlaps(startsAt: Date, endsAt: Date, range: TimeRange): boolean {
  const start = startsAt.getTime();
  const end = endsAt.getTime();
  if (start >= range.to.getTime()) return false;
  return end > range.from.getTime() || (end === start && start >= range.from.getTime());
}

/** The start of occurrence `step` as a wall-clock day in the series' zone, or null for a month without the day. */
function dayOfStep(first: IsoDay, frequency: RecurrenceFrequency, interval: number, step: number): IsoDay | null {
  if (frequency === "daily") return addDays(first, step * interval);
  if (frequency === "weekly") return addDays(first, step * interval * 7);
  const { year, month, day } = parseIsoDay(first)!;
  const monthIndex = month - 1 + step * interval;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (day > daysInMonth(targetYear, targetMonth)) return null;
  return isoDayOf({ year: targetYear, month: targetMonth, day });
}

/** Every occurrence starting before `stopAt` (and within the rule's end), in order; `visit` may end the walk early by returning false. */
function walk(span: RecurringSpan, stopAt: Date, visit: (occurrence: Occurrence) => boolean): void {
  const duration = span.endsAt.getTime() - span.startsAt.getTime();
  const rule = span.recurrence;
  if (!rule) {
    if (span.startsAt < stopAt) visit({ startsAt: span.startsAt, endsAt: span.endsAt });
    return;
  }
  const zone = span.allDay ? "UTC" : span.timeZone;
  const wall = wallClockAt(span.startsAt, zone);
  const first = isoDayOf(wall);
  const interval = Math.max(1, Math.floor(rule.interval));
  let emitted = 0;
  for (let step = 0; step < maxSteps; step++) {
    if (rule.count !== null && emitted >= rule.count) return;
    const day = dayOfStep(first, rule.frequency, interval, step);
    if (day === null) continue;
    const startsAt = step === 0 ? span.startsAt : instantOf({ ...parseIsoDay(day)!, hour: wall.hour, minute: wall.minute, second: wall.second }, zone);
    if (rule.until && startsAt > rule.until) return;
    if (startsAt >= stopAt) return;
    emitted++;
    if (!visit({ startsAt, endsAt: new Date(startsAt.getTime() + duration) })) return;
  }
}

/** The occurrences of an event (recurring or not) that meet the range, in order, at most `limit` of them. */
export function occurrencesBetween(span: RecurringSpan, range: TimeRange, limit = 1000): Occurrence[] {
  const found: Occurrence[] = [];
  walk(span, range.to, (occurrence) => {
    if (overlaps(occurrence.startsAt, occurrence.endsAt, range)) found.push(occurrence);
    return found.length < limit;
  });
  return found;
}

/** Whether any occurrence of the event meets the range. */
export function occursBetween(span: RecurringSpan, range: TimeRange): boolean {
  return occurrencesBetween(span, range, 1).length > 0;
}

/** Every occurrence of a series that ends (by `until` or `count`), at most `limit`: for describing it ("12 times"). */
export function allOccurrences(span: RecurringSpan, limit = 1000): Occurrence[] {
  const found: Occurrence[] = [];
  walk(span, new Date(8.64e15), (occurrence) => {
    found.push(occurrence);
    return found.length < limit;
  });
  return found;
}
