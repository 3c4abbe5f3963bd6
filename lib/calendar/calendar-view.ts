// The calendar page's arithmetic: which days a month, week or agenda view
// shows, the instants they span in the reader's zone, where prev/next lead,
// and which items fall on which day. Pure.
import { z } from "zod";
import { firstParam, uuidParam } from "@/lib/url-params";
import type { CalendarItem } from "./calendar-item";
import { occurrencesBetween } from "./expand-recurrence";
import { addDays, clockTimeIn, dateTimeFormat, daysInMonth, isoDayIn, isoDayOf, parseIsoDay, startOfDayIn, weekdayOf, type IsoDay } from "./time-zone";

export const calendarViews = ["month", "week", "agenda"] as const;
export type CalendarView = (typeof calendarViews)[number];

export interface CalendarParams {
  /** Null when the address names none: month on wide screens, agenda on phones. */
  view: CalendarView | null;
  /** A day in the period shown. */
  date: IsoDay;
  courseId: string | undefined;
}

const paramsSchema = z.object({
  view: z.preprocess(firstParam, z.enum(calendarViews).optional().catch(undefined)),
  date: z.preprocess(firstParam, z.string().max(10).optional().catch(undefined)),
  course: uuidParam(),
});

/** The page's search parameters; never throws: anything unreadable falls back (today, the default view, every course). */
export function parseCalendarParams(raw: unknown, today: IsoDay): CalendarParams {
  const parsed = paramsSchema.safeParse(raw && typeof raw === "object" ? raw : {});
  const values = parsed.success ? parsed.data : { view: undefined, date: undefined, course: undefined };
  const date = values.date && parseIsoDay(values.date) && values.date >= "1900-01-01" && values.date <= "2999-12-31" ? values.date : today;
  return { view: values.view ?? null, date, courseId: values.course };
}

export const firstOfMonth = (day: IsoDay): IsoDay => `${day.slice(0, 8)}01`;

export function lastOfMonth(day: IsoDay): IsoDay {
  const { year, month } = parseIsoDay(day)!;
  return isoDayOf({ year, month, day: daysInMonth(year, month) });
}

/** Monday of the week the day is in. */
export const startOfWeek = (day: IsoDay): IsoDay => addDays(day, -weekdayOf(day));

/** The month grid: whole weeks, Monday to Sunday, from the week of the 1st to the week of the last day. */
export function monthWeeks(day: IsoDay): IsoDay[][] {
  const first = startOfWeek(firstOfMonth(day));
  const last = lastOfMonth(day);
  const weeks: IsoDay[][] = [];
  for (let start = first; start <= last; start = addDays(start, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  return weeks;
}

export const weekDays = (day: IsoDay): IsoDay[] => Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(day), i));

/** Every day of the month, for the agenda. */
export function monthDays(day: IsoDay): IsoDay[] {
  const days: IsoDay[] = [];
  for (let current = firstOfMonth(day), last = lastOfMonth(day); current <= last; current = addDays(current, 1)) days.push(current);
  return days;
}

/** The days a view shows (the default shows the month grid's, which hold the agenda's). */
export function daysOf(view: CalendarView | null, day: IsoDay): IsoDay[] {
  if (view === "week") return weekDays(day);
  if (view === "agenda") return monthDays(day);
  return monthWeeks(day).flat();
}

/** The instants from the first day's midnight to the midnight after the last, in the zone. */
export function rangeOf(days: IsoDay[], timeZone: string): { from: Date; to: Date } {
  return { from: startOfDayIn(days[0]!, timeZone), to: startOfDayIn(addDays(days.at(-1)!, 1), timeZone) };
}

function shiftMonth(day: IsoDay, months: number): IsoDay {
  const { year, month } = parseIsoDay(day)!;
  const index = year * 12 + (month - 1) + months;
  return isoDayOf({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

/** The day prev / next lead to: a month either side for month and agenda, a week for the week view. */
export function neighbours(view: CalendarView | null, day: IsoDay): { previous: IsoDay; next: IsoDay } {
  if (view === "week") return { previous: addDays(startOfWeek(day), -7), next: addDays(startOfWeek(day), 7) };
  return { previous: shiftMonth(day, -1), next: shiftMonth(day, 1) };
}

/** The page's address for a view, day and course filter. */
export function calendarHref(params: { view: CalendarView | null; date: IsoDay; courseId?: string }, hash = ""): string {
  const search = new URLSearchParams();
  if (params.view) search.set("view", params.view);
  search.set("date", params.date);
  if (params.courseId) search.set("course", params.courseId);
  return `/calendar?${search.toString()}${hash}`;
}

export interface DayEntry {
  item: CalendarItem;
  startsAt: Date;
  endsAt: Date | null;
  /** "09:00–10:30", "All day", "17:00"; "from 22:00", "until 02:00" or "All day" on the days a long event spans. */
  timeLabel: string;
  /** A stable key for lists: the item's id and this occurrence's start. */
  key: string;
}

/** The most days one occurrence is listed on: a year-long event is not listed 366 times. */
const maxDaysPerOccurrence = 42;

/**
 * Each day's items in the zone, in time order; an event is listed on every
 * day it covers, a recurring one on each of its occurrences' days.
 */
export function entriesByDay(items: CalendarItem[], days: IsoDay[], timeZone: string): Map<IsoDay, DayEntry[]> {
  const byDay = new Map<IsoDay, DayEntry[]>(days.map((day) => [day, []]));
  const range = rangeOf(days, timeZone);
  for (const item of items) {
    const occurrences = item.endsAt
      ? occurrencesBetween(
          {
            startsAt: item.startsAt,
            endsAt: item.endsAt,
            allDay: item.allDay,
            timeZone: item.recurrence?.timeZone ?? timeZone,
            recurrence: item.recurrence,
          },
          range,
        )
      : [{ startsAt: item.startsAt, endsAt: null }];
    for (const occurrence of occurrences) {
      // All-day events are dates, the same in every zone.
      const zone = item.allDay ? "UTC" : timeZone;
      const firstDay = isoDayIn(occurrence.startsAt, zone);
      const lastDay = occurrence.endsAt && occurrence.endsAt > occurrence.startsAt ? isoDayIn(new Date(occurrence.endsAt.getTime() - 1), zone) : firstDay;
      let day = firstDay;
      for (let i = 0; i < maxDaysPerOccurrence && day <= lastDay; i++, day = addDays(day, 1)) {
        const list = byDay.get(day);
        if (!list) continue;
        list.push({
          item,
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          timeLabel: timeLabelOf(item, occurrence, day, firstDay, lastDay, timeZone),
          key: `${item.id}-${occurrence.startsAt.getTime()}`,
        });
      }
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => Number(b.item.allDay) - Number(a.item.allDay) || a.startsAt.getTime() - b.startsAt.getTime());
  return byDay;
}

function timeLabelOf(
  item: CalendarItem,
  occurrence: { startsAt: Date; endsAt: Date | null },
  day: IsoDay,
  firstDay: IsoDay,
  lastDay: IsoDay,
  timeZone: string,
): string {
  if (item.allDay) return "All day";
  const start = clockTimeIn(occurrence.startsAt, timeZone);
  if (!occurrence.endsAt || occurrence.endsAt.getTime() === occurrence.startsAt.getTime()) return start;
  const end = clockTimeIn(occurrence.endsAt, timeZone);
  if (firstDay === lastDay) return `${start}–${end}`;
  if (day === firstDay) return `from ${start}`;
  if (day === lastDay) return `until ${end}`;
  return "All day";
}

/** "Monday 7 December 2026". */
export function longDayLabel(day: IsoDay): string {
  const { year, month, day: date } = parseIsoDay(day)!;
  return dateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** "December 2026". */
export function monthLabel(day: IsoDay): string {
  const { year, month } = parseIsoDay(day)!;
  return dateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "7 – 13 December 2026", "28 December 2026 – 3 January 2027". */
export function weekLabel(day: IsoDay): string {
  const days = weekDays(day);
  const format = (d: IsoDay, options: Intl.DateTimeFormatOptions) => {
    const { year, month, day: date } = parseIsoDay(d)!;
    return dateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, date)));
  };
  const first = days[0]!;
  const last = days[6]!;
  if (first.slice(0, 7) === last.slice(0, 7)) return `${format(first, { day: "numeric" })} – ${format(last, { day: "numeric", month: "long", year: "numeric" })}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${format(first, { day: "numeric", month: "long" })} – ${format(last, { day: "numeric", month: "long", year: "numeric" })}`;
  return `${format(first, { day: "numeric", month: "long", year: "numeric" })} – ${format(last, { day: "numeric", month: "long", year: "numeric" })}`;
}

export const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
