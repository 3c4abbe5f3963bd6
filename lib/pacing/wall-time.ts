// A teacher writes an opening date as the wall-clock time of its own time zone
// (users.time_zone, or the browser's); the rule stores the instant. Pure, so
// the browser (the form) and the server (the action) convert alike.

/** A datetime-local input's value: "2026-12-10T18:00" (seconds optional). */
export const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(zone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a zone, as a UTC timestamp of those fields. */
function wallClockMs(instant: number, zone: string): number {
  const parts = Object.fromEntries(formatFor(zone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** "2026-12-10T18:00" as the zone's clocks show the instant. */
export function instantToWallTime(instant: Date | string, zone: string): string {
  const wall = new Date(wallClockMs(new Date(instant).getTime(), zone));
  return wall.toISOString().slice(0, 16);
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
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, Number.isNaN(second) ? 0 : second!);
  const check = new Date(asUtc);
  // 2026-02-30 rolls over to March: not a real date.
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return { ok: false, reason: "invalid" };
  // The zone's offsets near that time (a day either side covers any change); each candidate is checked exactly.
  const offsets = new Set([asUtc - 86_400_000, asUtc, asUtc + 86_400_000].map((probe) => wallClockMs(probe, zone) - probe));
  const candidates = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((instant) => wallClockMs(instant, zone) === asUtc)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return { ok: false, reason: "skipped" };
  return { ok: true, instant: new Date(candidates[0]!) };
}

/** The browser's own zone (UTC where it cannot tell). */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

/** "10 Dec 2026, 09:00 CET": an instant as the zone's clocks show it, the zone named. */
export function formatInstant(instant: Date, zone: string | undefined): string {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the parts are spelled out.
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  }).format(instant);
}
