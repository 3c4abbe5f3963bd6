// The value types of RFC 5545 section 3.3 the writer uses: DATE, DATE-TIME
// (UTC with a Z, or local for a TZID), UTC-OFFSET. Pure.
import type { WallClock } from "../time-zone";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** DATE: 20260310. */
export const dateValue = (clock: Pick<WallClock, "year" | "month" | "day">) => `${pad(clock.year, 4)}${pad(clock.month)}${pad(clock.day)}`;

/** DATE-TIME in local time (for a TZID or a VTIMEZONE onset): 20260310T090000. */
export const localDateTimeValue = (clock: WallClock) => `${dateValue(clock)}T${pad(clock.hour)}${pad(clock.minute)}${pad(clock.second ?? 0)}`;

/** DATE-TIME in UTC: 20260310T090000Z (to the second). */
export function utcDateTimeValue(instant: Date): string {
  return `${localDateTimeValue({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hour: instant.getUTCHours(),
    minute: instant.getUTCMinutes(),
    second: instant.getUTCSeconds(),
  })}Z`;
}

/** UTC-OFFSET: +0100, -0330, +0000 (never -0000, which RFC 5545 forbids); seconds only when there are any. */
export function utcOffsetValue(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const magnitude = Math.abs(seconds);
  const hours = Math.floor(magnitude / 3600);
  const minutes = Math.floor((magnitude % 3600) / 60);
  const rest = magnitude % 60;
  return `${sign}${pad(hours)}${pad(minutes)}${rest ? pad(rest) : ""}`;
}

/** The calendar day after a date (for an all-day event's exclusive DTEND). */
export function nextDay(clock: Pick<WallClock, "year" | "month" | "day">): Pick<WallClock, "year" | "month" | "day"> {
  const next = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** DURATION of whole minutes (at least one): PT1H, PT90M reads PT1H30M. */
export function durationValue(minutes: number): string {
  const whole = Math.max(1, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return `PT${hours ? `${hours}H` : ""}${rest ? `${rest}M` : ""}`;
}
