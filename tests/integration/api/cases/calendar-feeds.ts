import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { expect } from "vitest";
import { calendarFeeds } from "@/db/schema";
import { createCalendarFeed } from "@/lib/calendar/feed-token";
import { GET as fetchFeed } from "@/app/api/calendar/feed/[file]/route";
import { testDb } from "../../helpers";
import { endpointCases, type MatrixCase } from "../matrix";
import type { ApiWorld, Role } from "../world";

// A course's .ics (its readers: enrolled students, its teacher, admins) and
// the caller's own calendar feed (anyone signed in, for itself only).

const actorOf = (w: ApiWorld, role: Role) => (role === "anonymous" ? w.student : w.userFor(role));
const withFeed = (w: ApiWorld, role: Role) => testDb().transaction((tx) => createCalendarFeed(tx, actorOf(w, role)));

const isCalendar: MatrixCase["check"] = (answer) => {
  const calendar = new ICAL.Component(ICAL.parse(String(answer.body)));
  expect(calendar.name).toBe("vcalendar");
  expect(answer.headers.get("content-disposition")).toMatch(/calendar\.ics"$/);
};

const feedRow = async (w: ApiWorld, role: Role) =>
  (await testDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, actorOf(w, role).id)))[0];

/** The address answered is the feed: a calendar app gets the file from it, with no token or cookie. */
const addressWorks: MatrixCase["check"] = async (answer) => {
  const file = new URL(answer.body.url).pathname.split("/").at(-1)!;
  const response = await fetchFeed(new Request(answer.body.url), { params: Promise.resolve({ file }) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
};

const revoked: MatrixCase["check"] = async (_answer, w, role) => expect(await feedRow(w, role)).toBeUndefined();

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/calendar.ics",
    requests: {
      own: (w) => ({ path: `/api/v1/courses/${w.course.id}/calendar.ics` }),
      other: (w) => ({ path: `/api/v1/courses/${w.otherCourse.id}/calendar.ics` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      // The student is enrolled in `course` only; the teacher teaches it, not `otherCourse`; an admin reads both.
      student: { own: { status: 200, check: isCalendar }, other: 404 },
      teacher: { own: { status: 200, check: isCalendar }, other: 404 },
      admin: { own: { status: 200, check: isCalendar }, other: { status: 200, check: isCalendar } },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/me/calendar-feed",
    requests: {
      own: async (w, role) => {
        await withFeed(w, role);
        return { path: "/api/v1/me/calendar-feed" };
      },
    },
    expect: { anonymous: { own: 401 }, student: { own: 200 }, teacher: { own: 200 }, admin: { own: 200 } },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/me/calendar-feed",
    requests: { own: () => ({ method: "POST", path: "/api/v1/me/calendar-feed" }) },
    expect: {
      anonymous: { own: 401 },
      student: { own: { status: 201, check: addressWorks } },
      teacher: { own: { status: 201, check: addressWorks } },
      admin: { own: { status: 201, check: addressWorks } },
    },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/me/calendar-feed",
    requests: {
      own: async (w, role) => {
        await withFeed(w, role);
        return { method: "DELETE", path: "/api/v1/me/calendar-feed" };
      },
    },
    expect: {
      anonymous: { own: 401 },
      student: { own: { status: 200, check: revoked } },
      teacher: { own: { status: 200, check: revoked } },
      admin: { own: { status: 200, check: revoked } },
    },
  }),
];
