import { z } from "zod";
import { defineContract, idParam, timestampSchema } from "../contract";

// A course's calendar as an .ics file, and the caller's private calendar
// feed: the address calendar apps subscribe to (GET /api/calendar/feed/<token>.ics,
// no token or cookie needed: the address is the secret).

const tag = "Calendar";

const feedSchema = z.object({
  createdAt: timestampSchema.describe("When this address was made."),
  lastFetchedAt: timestampSchema.nullable().describe("When a calendar app last fetched it (to about five minutes); null before the first fetch."),
});

export const courseCalendarContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/calendar.ics",
  operationId: "downloadCourseCalendar",
  tag,
  summary: "Download a course's calendar",
  description:
    "The course's due dates, release dates and events from a year ago to two years ahead, as an iCalendar (RFC 5545) file to import into " +
    "Google Calendar, Outlook or Apple Calendar. A student gets its own due dates (its overrides included) and what opens for it; the course's " +
    "teacher and admins get every due date and release date. Each event keeps its UID across downloads, so importing again updates it. " +
    "Enrolled students, the course's teacher and admins; for anyone else the course is not found.",
  access: "user",
  params: z.object({ courseId: idParam("The course's id.") }),
  download: { contentTypes: ["text/calendar"], description: "The .ics file, as an attachment (text/calendar; charset=utf-8)." },
  response: z.unknown(),
  errors: [404],
});

export const getMyCalendarFeedContract = defineContract({
  method: "GET",
  path: "/api/v1/me/calendar-feed",
  operationId: "getMyCalendarFeed",
  tag,
  summary: "My calendar feed",
  description:
    "Whether the caller has a private calendar feed, when it was made and last fetched. The address itself is shown only when it is made " +
    "(`POST`): only a hash of it is kept. 404 when there is none.",
  access: "user",
  response: feedSchema,
  errors: [404],
});

export const createMyCalendarFeedContract = defineContract({
  method: "POST",
  path: "/api/v1/me/calendar-feed",
  operationId: "createMyCalendarFeed",
  tag,
  summary: "Make (or replace) my calendar feed address",
  description:
    "Makes the caller's private calendar address and answers **201** with it: `url` for Google Calendar and Outlook on the web " +
    "(add a calendar from its URL), `webcalUrl` to open in Apple Calendar or Outlook on a computer. The feed holds the caller's due dates, " +
    "release dates and course events from 60 days ago to 400 days ahead, and is read again by the app every few hours. " +
    "This is the only time the address is shown. If the caller had one, it is replaced and the old one stops working at once (`replaced`). " +
    "Anyone signed in, for itself.",
  access: "user",
  response: feedSchema.extend({
    url: z.url().describe("The https address of the feed (…/api/calendar/feed/jvc_….ics)."),
    webcalUrl: z.string().describe("The same address as webcal://, which calendar apps open as a subscription."),
    replaced: z.boolean().describe("An earlier address was replaced, and stopped working."),
  }),
  successStatus: 201,
  errors: [],
});

export const revokeMyCalendarFeedContract = defineContract({
  method: "DELETE",
  path: "/api/v1/me/calendar-feed",
  operationId: "revokeMyCalendarFeed",
  tag,
  summary: "Revoke my calendar feed",
  description:
    "Deletes the caller's calendar address: from the next fetch it answers 404, and calendar apps stop showing new dates " +
    "(remove the subscribed calendar in the app too). 404 when there is none.",
  access: "user",
  response: z.object({ revokedAt: timestampSchema }),
  errors: [404],
});

export const calendarFeedContracts = [courseCalendarContract, getMyCalendarFeedContract, createMyCalendarFeedContract, revokeMyCalendarFeedContract] as const;
