// A course event as the teacher writes it: dates and times on the wall clock
// of a time zone, an optional repeat. Shared by the form (react-hook-form
// resolver), the server actions and the REST API, so all three refuse the
// same input with the same message next to the same field. Only zod here.
import { z } from "zod";
import type { RecurrenceFrequency } from "@/db/schema/enums";
import { multiLineText, oneLineText } from "@/lib/text/one-line";
import {
  addDays,
  clockTimeIn,
  instantOf,
  isoDayIn,
  isTimeZone,
  maxTimeZoneLength,
  normalizeTimeZone,
  parseClockTime,
  parseIsoDay,
} from "./time-zone";

export const eventLimits = { title: 200, description: 20_000, location: 200, interval: 365, count: 1000, spanDays: 366 } as const;

export const repeatChoices = ["none", "daily", "weekly", "monthly"] as const;
export const repeatLabels: Record<(typeof repeatChoices)[number], string> = {
  none: "Does not repeat",
  daily: "Every day",
  weekly: "Every week",
  monthly: "Every month",
};
export const endChoices = ["until", "count"] as const;

/** "" (or nothing) reads as not given; anything else must be a whole number within the bounds. */
const wholeNumber = (what: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? undefined : value),
    z.coerce
      .number({ error: `Enter ${what} as a whole number.` })
      .int({ error: `Enter ${what} as a whole number.` })
      .min(min, { error: `${capitalised(what)} is at least ${min}.` })
      .max(max, { error: `${capitalised(what)} is at most ${max.toLocaleString("en")}.` })
      .optional(),
  );
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const day = (message: string) =>
  z
    .string({ error: message })
    .max(10, { error: message })
    .refine((value) => parseIsoDay(value) !== null, { error: message });

const fields = z.object({
  title: oneLineText("Enter a title.")
    .min(1, { error: "Enter a title." })
    .max(eventLimits.title, { error: `A title has at most ${eventLimits.title} characters.` }),
  description: multiLineText("Write the description as text.")
    .max(eventLimits.description, { error: `A description has at most ${eventLimits.description.toLocaleString("en")} characters.` })
    .default(""),
  location: oneLineText("Write the place as text.")
    .max(eventLimits.location, { error: `A place has at most ${eventLimits.location} characters.` })
    .default(""),
  allDay: z.boolean({ error: "Say whether the event lasts all day." }).default(false),
  startDate: day("Enter the start date as YYYY-MM-DD."),
  /** HH:MM on the 24-hour clock; ignored for an all-day event. */
  startTime: z.string({ error: "Enter the start time as HH:MM." }).max(5, { error: "Enter the start time as HH:MM." }).default(""),
  endDate: day("Enter the end date as YYYY-MM-DD."),
  endTime: z.string({ error: "Enter the end time as HH:MM." }).max(5, { error: "Enter the end time as HH:MM." }).default(""),
  /** The IANA zone the dates and times are read in, and the series keeps its time in. */
  timeZone: z
    .string({ error: "Choose a time zone." })
    .max(maxTimeZoneLength, { error: "Choose a time zone from the list." })
    .refine(isTimeZone, { error: "Choose a time zone from the list." })
    .overwrite((zone) => normalizeTimeZone(zone) ?? zone),
  repeat: z.enum(repeatChoices, { error: "Choose how the event repeats." }).default("none"),
  interval: wholeNumber("the interval", 1, eventLimits.interval),
  ends: z.enum(endChoices, { error: "Choose when the repeats end." }).default("count"),
  untilDate: z.string({ error: "Enter the last date as YYYY-MM-DD." }).max(10, { error: "Enter the last date as YYYY-MM-DD." }).default(""),
  count: wholeNumber("the number of times", 1, eventLimits.count),
});

export type CourseEventValues = z.output<typeof fields>;

/** What a course_events row stores of the values. */
export interface EventColumns {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  recurrence: RecurrenceFrequency | null;
  recurrenceInterval: number;
  recurrenceUntil: Date | null;
  recurrenceCount: number | null;
}

type Issues = Partial<Record<keyof CourseEventValues, string>>;

const dayMs = 86_400_000;

/** The row's times from the values, or the message per field that stands in the way. Pure. */
export function eventColumnsOf(values: CourseEventValues): { ok: true; columns: EventColumns } | { ok: false; issues: Issues } {
  const issues: Issues = {};
  const zone = normalizeTimeZone(values.timeZone);
  const start = parseIsoDay(values.startDate);
  const end = parseIsoDay(values.endDate);
  if (!zone) issues.timeZone = "Choose a time zone from the list.";
  if (!start) issues.startDate = "Enter the start date as YYYY-MM-DD.";
  if (!end) issues.endDate = "Enter the end date as YYYY-MM-DD.";
  const startTime = values.allDay ? { hour: 0, minute: 0 } : parseClockTime(values.startTime);
  const endTime = values.allDay ? { hour: 0, minute: 0 } : parseClockTime(values.endTime);
  if (!startTime) issues.startTime = "Enter the start time as HH:MM, e.g. 09:30.";
  if (!endTime) issues.endTime = "Enter the end time as HH:MM, e.g. 10:30.";
  if (!zone || !start || !end || !startTime || !endTime) return { ok: false, issues };

  // An all-day event is its dates, the same everywhere: UTC midnights, the end the day after the last.
  const startsAt = values.allDay ? new Date(Date.UTC(start.year, start.month - 1, start.day)) : instantOf({ ...start, ...startTime }, zone);
  const endsAt = values.allDay
    ? new Date(Date.UTC(end.year, end.month - 1, end.day) + dayMs)
    : instantOf({ ...end, ...endTime }, zone);
  if (endsAt <= startsAt) {
    if (values.allDay || values.endDate !== values.startDate) issues.endDate = "The event ends before it starts.";
    else issues.endTime = "The event ends before it starts: choose a later end time.";
  } else if (endsAt.getTime() - startsAt.getTime() > eventLimits.spanDays * dayMs) {
    issues.endDate = "An event lasts at most a year: repeat it instead.";
  }

  let recurrence: RecurrenceFrequency | null = null;
  let recurrenceInterval = 1;
  let recurrenceUntil: Date | null = null;
  let recurrenceCount: number | null = null;
  if (values.repeat !== "none") {
    recurrence = values.repeat;
    if (values.interval === undefined) issues.interval = "Enter how often it repeats, e.g. 1 for every week.";
    else recurrenceInterval = values.interval;
    if (values.ends === "count") {
      if (values.count === undefined) issues.count = "Enter how many times it happens.";
      else recurrenceCount = values.count;
    } else {
      const until = parseIsoDay(values.untilDate);
      if (!until) issues.untilDate = "Enter the last date as YYYY-MM-DD.";
      else if (values.untilDate < values.startDate) issues.untilDate = "The last date is before the first.";
      else {
        // Inclusive: every occurrence starting on the last date, up to its final second.
        const next = parseIsoDay(addDays(values.untilDate, 1))!;
        const dayAfter = values.allDay ? new Date(Date.UTC(next.year, next.month - 1, next.day)) : instantOf({ ...next, hour: 0, minute: 0 }, zone);
        recurrenceUntil = new Date(dayAfter.getTime() - 1000);
      }
    }
  }
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  return {
    ok: true,
    columns: { startsAt, endsAt, allDay: values.allDay, timeZone: zone, recurrence, recurrenceInterval, recurrenceUntil, recurrenceCount },
  };
}

/** The checks that need several fields: runs once every field is valid on its own. */
function checkTimes(values: CourseEventValues, context: z.RefinementCtx) {
  const result = eventColumnsOf(values);
  if (!result.ok) for (const [path, message] of Object.entries(result.issues)) context.addIssue({ code: "custom", path: [path], message });
}

export const courseEventFieldsSchema = fields.superRefine(checkTimes);
export type CourseEventInput = z.input<typeof courseEventFieldsSchema>;

const eventId = z.uuid({ error: "This event does not exist." });
export const createCourseEventSchema = fields.extend({ courseId: z.uuid({ error: "This course does not exist." }) }).superRefine(checkTimes);
export const updateCourseEventSchema = fields.extend({ eventId }).superRefine(checkTimes);
export const courseEventIdSchema = z.object({ eventId });

/** The form's values for a stored event: its dates and times read back in its zone. */
export function eventValuesOf(event: EventColumns & { title: string; description: string; location: string }): CourseEventValues {
  const zone = event.allDay ? "UTC" : event.timeZone;
  const lastDay = event.allDay ? new Date(event.endsAt.getTime() - dayMs) : event.endsAt;
  return {
    title: event.title,
    description: event.description,
    location: event.location,
    allDay: event.allDay,
    startDate: isoDayIn(event.startsAt, zone),
    startTime: event.allDay ? "" : clockTimeIn(event.startsAt, zone),
    endDate: isoDayIn(lastDay, zone),
    endTime: event.allDay ? "" : clockTimeIn(event.endsAt, zone),
    timeZone: event.timeZone,
    repeat: event.recurrence ?? "none",
    interval: event.recurrenceInterval,
    ends: event.recurrenceUntil ? "until" : "count",
    untilDate: event.recurrenceUntil ? isoDayIn(event.recurrenceUntil, zone) : "",
    count: event.recurrenceCount ?? undefined,
  };
}
