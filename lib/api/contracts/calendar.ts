import { z } from "zod";
import { courseEventFieldsSchema } from "@/lib/calendar/event-schemas";
import { defineContract, idParam, timestampSchema } from "../contract";

// The caller's calendar (due dates, openings, course events) and a course's
// events: read by the course's members, written by its teacher or an admin.

const tag = "Calendar";
/** The widest range one request reads. */
export const maxCalendarRangeDays = 400;
export const defaultCalendarRangeDays = 30;

const recurrenceSchema = z
  .object({
    frequency: z.enum(["daily", "weekly", "monthly"]),
    interval: z.number().int().min(1).describe("Every `interval` days, weeks or months."),
    until: timestampSchema.nullable().describe("No occurrence starts after this instant; null when `count` ends the series."),
    count: z.number().int().min(1).nullable().describe("How many occurrences in all, the first included."),
    timeZone: z.string().describe("The IANA zone the occurrences keep their wall-clock time in (UTC for all-day events)."),
  })
  .describe("How a course event repeats (RFC 5545 FREQ, INTERVAL, UNTIL, COUNT). A monthly event on the 29th-31st skips months without that day.");

const occurrenceSchema = z.object({ startsAt: timestampSchema, endsAt: timestampSchema.nullable() });

export const calendarItemSchema = z.object({
  id: z.string().describe('Stable across requests and edits: "due-<taskId>", "opens-<module|lesson|task>-<id>" or "event-<eventId>".'),
  kind: z.enum(["due", "opens", "event"]).describe("`due`: a due date (a quiz closes then); `opens`: a release date; `event`: a course event."),
  title: z.string(),
  description: z.string().describe("Markdown for course events; plain text otherwise."),
  location: z.string(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  courseSlug: z.string(),
  startsAt: timestampSchema.describe("The first occurrence's start, or the instant of a due date or opening."),
  endsAt: timestampSchema.nullable().describe("Null for an instant."),
  allDay: z.boolean().describe("All-day events start and end at UTC midnights (the end is the day after the last): read their dates in UTC."),
  path: z.string().describe("The page on this site the item is about."),
  recurrence: recurrenceSchema.nullable(),
  occurrences: z.array(occurrenceSchema).describe("The occurrences within the range asked for: one for anything that does not repeat."),
  updatedAt: timestampSchema,
  sequence: z.number().int().describe("Goes up on every edit of a course event (the iCalendar SEQUENCE); 0 otherwise."),
});

const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `Give ${what} as an ISO 8601 date and time with an offset, e.g. 2026-12-01T00:00:00Z.` });

export const calendarQuerySchema = z
  .object({
    from: instant("from").optional().describe("Start of the range (inclusive). Default: now."),
    to: instant("to").optional().describe(`End of the range (exclusive). Default: ${defaultCalendarRangeDays} days after \`from\`.`),
    courseId: z.uuid({ error: "courseId is a course's id." }).optional().describe("Only this course's items."),
  })
  .superRefine((query, context) => {
    const from = query.from ? Date.parse(query.from) : Date.now();
    const to = query.to ? Date.parse(query.to) : from + defaultCalendarRangeDays * 86_400_000;
    const span = to - from;
    if (span <= 0) context.addIssue({ code: "custom", path: ["to"], message: "`to` must be after `from`." });
    else if (span > maxCalendarRangeDays * 86_400_000) context.addIssue({ code: "custom", path: ["to"], message: `The range is at most ${maxCalendarRangeDays} days.` });
  });

export const getCalendarContract = defineContract({
  method: "GET",
  path: "/api/v1/calendar",
  operationId: "getCalendar",
  tag,
  summary: "My calendar items in a range",
  description:
    "What the caller's calendar shows between `from` and `to` (at most " +
    `${maxCalendarRangeDays} days): for a student, its own due dates (its overrides included; a quiz closes then), what release rules keep ` +
    "locked for it with a known opening date, and the events of its published courses (active or completed enrolments); for a teacher, " +
    "the due dates, rule dates and events of the courses it teaches (drafts marked “(draft)”); for an admin, likewise of the courses it teaches " +
    "itself. A repeating event comes once, with its `recurrence`, and with its `occurrences` in the range. `courseId` keeps one course; a course " +
    "the caller does not see gives an empty list. `timeZone` is the caller's setting (null: it follows its browser), for showing the items.",
  access: "user",
  query: calendarQuerySchema,
  response: z.object({
    from: timestampSchema,
    to: timestampSchema,
    timeZone: z.string().nullable(),
    data: z.array(calendarItemSchema),
  }),
  errors: [422],
});

export const courseEventSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  description: z.string().describe("Markdown."),
  location: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  allDay: z.boolean(),
  timeZone: z.string().describe("The zone the times were written in, and a repeat keeps its time in."),
  recurrence: recurrenceSchema.nullable(),
  sequence: z.number().int(),
  fields: courseEventFieldsSchema.describe("The event as the form writes it: send it back, changed, to update it."),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

const courseParams = z.object({ courseId: idParam("The course's id.") });
const eventParams = z.object({ courseId: idParam("The course's id."), eventId: idParam("The event's id.") });
const bodyDescription =
  "Dates as YYYY-MM-DD and times as HH:MM (24-hour) in `timeZone` (an IANA zone); an all-day event (`allDay: true`) has dates only, " +
  "`endDate` being its last day. `repeat` is `none`, `daily`, `weekly` or `monthly`, every `interval` (1-365), ending on `untilDate` " +
  "(`ends: \"until\"`) or after `count` (1-1000) occurrences (`ends: \"count\"`).";

export const listCourseEventsContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/events",
  operationId: "listCourseEvents",
  tag,
  summary: "A course's events",
  description:
    "Every event of the course, first first. For the course's members: its enrolled (or finished) students once it is not a draft, its teacher and admins; for anyone else the course is not found.",
  access: "user",
  params: courseParams,
  response: z.object({ data: z.array(courseEventSchema) }),
  errors: [404],
});

export const createCourseEventContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/events",
  operationId: "createCourseEvent",
  tag,
  summary: "Add an event to a course's calendar",
  description: `The course's teacher or an admin adds an event (audited); its students see it in their calendars. ${bodyDescription} Anyone else: 404.`,
  access: "user",
  params: courseParams,
  body: courseEventFieldsSchema,
  response: courseEventSchema,
  successStatus: 201,
  errors: [400, 404, 413, 415, 422],
});

export const getCourseEventContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/events/{eventId}",
  operationId: "getCourseEvent",
  tag,
  summary: "One course event",
  description: "For the course's members, like the list; anyone else, or an event of another course: 404.",
  access: "user",
  params: eventParams,
  response: courseEventSchema,
  errors: [404],
});

export const updateCourseEventContract = defineContract({
  method: "PUT",
  path: "/api/v1/courses/{courseId}/events/{eventId}",
  operationId: "updateCourseEvent",
  tag,
  summary: "Change a course event",
  description: `Replaces the event's fields (audited) and raises its \`sequence\`, so subscribed calendars take the change. ${bodyDescription} The course's teacher or an admin; anyone else: 404.`,
  access: "user",
  params: eventParams,
  body: courseEventFieldsSchema,
  response: courseEventSchema,
  errors: [400, 404, 413, 415, 422],
});

export const deleteCourseEventContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/events/{eventId}",
  operationId: "deleteCourseEvent",
  tag,
  summary: "Delete a course event",
  description: "Removes the event, every repeat with it (audited). The course's teacher or an admin; anyone else: 404.",
  access: "user",
  params: eventParams,
  response: z.object({ eventId: z.uuid() }),
  errors: [404],
});

export const calendarContracts = [
  getCalendarContract,
  listCourseEventsContract,
  createCourseEventContract,
  getCourseEventContract,
  updateCourseEventContract,
  deleteCourseEventContract,
] as const;
