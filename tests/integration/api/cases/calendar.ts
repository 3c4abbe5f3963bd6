import { expect } from "vitest";
import { createCourseEvent } from "@/lib/calendar/event-commands";
import { testDb } from "../../helpers";
import { endpointCases, type MatrixCase } from "../matrix";
import type { ApiWorld, WorldCourse } from "../world";

// The caller's calendar, and a course's events: read by its members (enrolled
// students, its teacher, admins), written by its teacher and admins.

const courseOf = (world: ApiWorld, ownership: "own" | "other"): WorldCourse => (ownership === "own" ? world.course : world.otherCourse);
const ownerOf = (world: ApiWorld, ownership: "own" | "other") => (ownership === "own" ? world.teacher : world.otherTeacher);

const fields = (title: string) => ({
  title,
  description: "Bring a **calculator**.",
  location: "Room 4",
  allDay: false,
  startDate: "2031-03-03",
  startTime: "09:00",
  endDate: "2031-03-03",
  endTime: "10:30",
  timeZone: "Europe/London",
  repeat: "weekly" as const,
  interval: 1,
  ends: "count" as const,
  untilDate: "",
  count: 4,
});

/** A fresh event of the course, made by its teacher. */
async function event(world: ApiWorld, ownership: "own" | "other") {
  const course = courseOf(world, ownership);
  const created = await testDb().transaction((tx) =>
    createCourseEvent(tx, ownerOf(world, ownership), { ...fields("Lab session"), courseId: course.id }),
  );
  return { course, eventId: created.eventId };
}

const members = (ok: number | { status: number; check?: MatrixCase["check"] }) => ({
  anonymous: { own: 401, other: 401 },
  student: { own: ok, other: 404 },
  teacher: { own: ok, other: 404 },
  admin: { own: ok, other: ok },
});

const staffOnly = (ok: number | { status: number; check?: MatrixCase["check"] }) => ({
  anonymous: { own: 401, other: 401 },
  student: { own: 404, other: 404 },
  teacher: { own: ok, other: 404 },
  admin: { own: ok, other: ok },
});

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/calendar",
    requests: { any: () => ({ path: "/api/v1/calendar?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z" }) },
    expect: {
      anonymous: { any: 401 },
      student: {
        any: {
          status: 200,
          check: (a, w) => {
            // Only its own course's events: never the other course's.
            for (const item of a.body.data) expect(item.courseId).toBe(w.course.id);
          },
        },
      },
      teacher: { any: { status: 200, check: (a, w) => a.body.data.forEach((item: { courseId: string }) => expect(item.courseId).not.toBe(w.otherCourse.id)) } },
      admin: { any: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/events",
    requests: {
      own: async (w) => ({ path: `/api/v1/courses/${(await event(w, "own")).course.id}/events` }),
      other: async (w) => ({ path: `/api/v1/courses/${(await event(w, "other")).course.id}/events` }),
    },
    expect: members({ status: 200, check: (a) => expect(a.body.data.length).toBeGreaterThan(0) }),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/events",
    requests: {
      own: (w) => ({ method: "POST", path: `/api/v1/courses/${w.course.id}/events`, body: fields("Exam") }),
      other: (w) => ({ method: "POST", path: `/api/v1/courses/${w.otherCourse.id}/events`, body: fields("Exam") }),
    },
    expect: staffOnly({
      status: 201,
      check: (a) => {
        expect(a.body).toMatchObject({ title: "Exam", startsAt: "2031-03-03T09:00:00.000Z", timeZone: "Europe/London", sequence: 0 });
        expect(a.body.recurrence).toMatchObject({ frequency: "weekly", interval: 1, count: 4 });
      },
    }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/events/{eventId}",
    requests: {
      own: async (w) => {
        const { course, eventId } = await event(w, "own");
        return { path: `/api/v1/courses/${course.id}/events/${eventId}` };
      },
      other: async (w) => {
        const { course, eventId } = await event(w, "other");
        return { path: `/api/v1/courses/${course.id}/events/${eventId}` };
      },
    },
    expect: members({ status: 200, check: (a) => expect(a.body.fields).toMatchObject({ startDate: "2031-03-03", startTime: "09:00", repeat: "weekly" }) }),
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/courses/{courseId}/events/{eventId}",
    requests: {
      own: async (w) => {
        const { course, eventId } = await event(w, "own");
        return { method: "PUT", path: `/api/v1/courses/${course.id}/events/${eventId}`, body: fields("Moved lab") };
      },
      other: async (w) => {
        const { course, eventId } = await event(w, "other");
        return { method: "PUT", path: `/api/v1/courses/${course.id}/events/${eventId}`, body: fields("Moved lab") };
      },
    },
    expect: staffOnly({ status: 200, check: (a) => expect(a.body).toMatchObject({ title: "Moved lab", sequence: 1 }) }),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/events/{eventId}",
    requests: {
      own: async (w) => {
        const { course, eventId } = await event(w, "own");
        return { method: "DELETE", path: `/api/v1/courses/${course.id}/events/${eventId}` };
      },
      other: async (w) => {
        const { course, eventId } = await event(w, "other");
        return { method: "DELETE", path: `/api/v1/courses/${course.id}/events/${eventId}` };
      },
    },
    expect: staffOnly(200),
  }),
];
