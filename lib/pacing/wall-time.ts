// A teacher writes an opening date as the wall-clock time of its own time zone
// (users.time_zone, or the browser's); the rule stores the instant. The zone
// arithmetic is the calendar's (lib/calendar/time-zone.ts); this file reads and
// writes the datetime-local text the forms hold. Pure, so the browser (the
// form) and the server (the action) convert alike.
import { dateTimeFormat, instantOf, isoDayOf, isTimeZone, normalizeTimeZone, wallClockAt } from "@/lib/calendar/time-zone";

/** A datetime-local input's value: "2026-12-10T18:00" (seconds optional). */
export const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone in the spelling Intl takes (a validated " UTC" is "UTC"); one it does not know is passed on, and Intl refuses it. */
const zoneFor = (zone: string) => normalizeTimeZone(zone) ?? zone;

const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-12-10T18:00" as the zone's clocks show the instant. */
export function instantToWallTime(instant: Date | string, zone: string): string {
  const wall = wallClockAt(new Date(instant), zoneFor(zone));
  return `${isoDayOf(wall)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

export type WallTimeResult = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "skipped" };

/**
 * The instant a zone's clocks show the wall time at. "skipped" for a time
 * the clocks jump over (the hour lost when summer time starts); in the hour
 * that repeats when it ends, the first (earlier) instant is taken.
 */
export function wallTimeToInstant(wallTime: string, zone: string): WallTimeResult {
  const match = wallTimePattern.exec(wallTime);
  if (!match) return { ok: false, reason: "invalid" };
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const check = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, Number.isNaN(second) ? 0 : second!));
  // 2026-02-30 rolls over to March: not a real date.
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return { ok: false, reason: "invalid" };
  const wall = {
    year: check.getUTCFullYear(),
    month: check.getUTCMonth() + 1,
    day: check.getUTCDate(),
    hour: check.getUTCHours(),
    minute: check.getUTCMinutes(),
    second: check.getUTCSeconds(),
  };
  const tz = zoneFor(zone);
  // instantOf reads a time in a gap past the gap; the clocks never show it, so it is refused here.
  const instant = instantOf(wall, tz);
  const shown = wallClockAt(instant, tz);
  const same = (Object.keys(wall) as (keyof typeof wall)[]).every((field) => shown[field] === wall[field]);
  return same ? { ok: true, instant } : { ok: false, reason: "skipped" };
}

/** The browser's own zone (UTC where it cannot tell). */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

/** "10 Dec 2026, 09:00 CET": an instant as the zone's clocks show it, the zone named. */
export function formatInstant(instant: Date, zone: string | undefined): string {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the parts are spelled out.
  return dateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  }).format(instant);
}
