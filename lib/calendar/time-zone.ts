// IANA time zones through Intl only: validating one, choosing the reader's,
// and turning a wall-clock time in a zone into an instant and back. Pure (no
// "server-only"): the calendar page, the event forms, the API and the iCal
// feed all read dates the same way.

/** The most characters a stored zone has (users.time_zone, course_events.time_zone). */
export const maxTimeZoneLength = 64;

/** The name of the cookie the browser sets to its own zone (components/calendar/browser-time-zone.tsx). */
export const timeZoneCookie = "tz";

/** Region/City names, "UTC", "Etc/GMT+5": letters, digits, _ + - and slashes; never an offset like "+05:30". */
const zonePattern = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

// Making an Intl.DateTimeFormat costs far more than using one (a month grid formats
// hundreds of times a request): each distinct locale and options is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
/** A shared formatter for the locale and options; never build one per call. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

let supportedZones: readonly string[] | null = null;
/** Every zone this runtime knows, in its own spelling. */
export function supportedTimeZones(): readonly string[] {
  supportedZones ??= Intl.supportedValuesOf("timeZone");
  return supportedZones;
}

/**
 * The zone in its usual spelling when `value` names one Intl knows, else null.
 * "europe/london" reads as "Europe/London", "utc" as "UTC"; a link such as
 * "Asia/Kolkata" is kept as written even where the runtime calls it "Asia/Calcutta".
 */
const normalized = new Map<string, string | null>();
export function normalizeTimeZone(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (normalized.has(value)) return normalized.get(value)!;
  const result = normalizeUncached(value);
  // Only strings that passed the length check are remembered, so the map stays small.
  if (value.length <= maxTimeZoneLength + 8) normalized.set(value, result);
  return result;
}

function normalizeUncached(value: string): string | null {
  const zone = value.trim();
  if (zone.length === 0 || zone.length > maxTimeZoneLength || !zonePattern.test(zone)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return null;
  }
  if (zone.toUpperCase() === "UTC") return "UTC";
  const lower = zone.toLowerCase();
  return supportedTimeZones().find((known) => known.toLowerCase() === lower) ?? zone;
}

export const isTimeZone = (value: unknown): value is string => normalizeTimeZone(value) !== null;

/**
 * The zone a reader sees dates in: the one chosen in settings, else the
 * browser's (from the cookie), else UTC. Anything invalid is passed over.
 */
export function resolveTimeZone(stored: string | null | undefined, browser: string | null | undefined): string {
  return normalizeTimeZone(stored) ?? normalizeTimeZone(browser) ?? "UTC";
}

export interface WallClock {
  year: number;
  /** 1-12. */
  month: number;
  /** 1-31. */
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): Required<WallClock> {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    // Years before 1 CE come as "1 BC": astronomical numbering keeps the arithmetic right.
    year: parts.era === "BC" || parts.era === "B" ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (whole seconds). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const utcSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return asUtc - utcSeconds;
}

const dayMs = 86_400_000;

/** Builds a UTC timestamp without Date.UTC's mapping of years 0-99 to 1900-1999. */
function utcOf(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  return date.getTime();
}

const sameWall = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && (a.second ?? 0) === (b.second ?? 0);

/**
 * The instant a wall-clock time in `timeZone` names. A time that happens
 * twice (clocks going back) is its first occurrence; a time that never
 * happens (clocks going forward) is read with the offset before the gap, so
 * it lands as far after the gap as it was into it (02:30 on a spring-forward
 * night in New York is 03:30), as RFC 5545 reads such times.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const naive = utcOf(wall);
  // At most one change of offset within a day either side of any time, in every zone there is.
  const before = zoneOffsetMs(new Date(naive - dayMs), timeZone);
  const after = zoneOffsetMs(new Date(naive + dayMs), timeZone);
  const candidates = [...new Set([naive - before, naive - after])]
    .filter((time) => sameWall(wallClockAt(new Date(time), timeZone), wall))
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // On neither side's clock: the time falls in a gap.
  return new Date(naive - before);
}

/** A calendar date written YYYY-MM-DD. */
export type IsoDay = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date parts of a real calendar day written YYYY-MM-DD (not 2026-02-30), else null. */
export function parseIsoDay(text: string): { year: number; month: number; day: number } | null {
  const match = dayPattern.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Hours and minutes of a time written HH:MM (24-hour), else null. */
export function parseClockTime(text: string): { hour: number; minute: number } | null {
  const match = timePattern.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function isoDayOf(parts: { year: number; month: number; day: number }): IsoDay {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** The day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export const isoDayIn = (instant: Date, timeZone: string): IsoDay => isoDayOf(wallClockAt(instant, timeZone));

/** The wall-clock time of an instant in `timeZone`, as HH:MM. */
export function clockTimeIn(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `day` moved by `days` calendar days (no time zone involved). */
export function addDays(day: IsoDay, days: number): IsoDay {
  const parts = parseIsoDay(day);
  if (!parts) throw new RangeError(`Not a calendar day: ${day}`);
  const date = new Date(utcOf({ ...parts, hour: 12, minute: 0 }) + days * dayMs);
  return isoDayOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: IsoDay): number {
  const parts = parseIsoDay(day);
  if (!parts) throw new RangeError(`Not a calendar day: ${day}`);
  return (new Date(utcOf({ ...parts, hour: 12, minute: 0 })).getUTCDay() + 6) % 7;
}

/** The instant a day starts (00:00) in `timeZone`; midnight skipped by a clock change starts the day at the first time that exists. */
export function startOfDayIn(day: IsoDay, timeZone: string): Date {
  const parts = parseIsoDay(day);
  if (!parts) throw new RangeError(`Not a calendar day: ${day}`);
  return instantOf({ ...parts, hour: 0, minute: 0 }, timeZone);
}

/** The zone's short name at an instant in British English, e.g. "BST", "EST", "GMT+5:30". */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = dateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((candidate) => candidate.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The zones to choose from in a form: UTC first, then the runtime's list, with any `extra` spelling (a stored "Asia/Kolkata") among them. */
export function timeZoneChoices(...extra: (string | null | undefined)[]): string[] {
  const zones = new Set<string>(["UTC", ...supportedTimeZones()]);
  for (const zone of extra) if (zone) zones.add(zone);
  return [...zones].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
