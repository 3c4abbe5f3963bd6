// The private calendar feed and a course's .ics download: the feed parses
// with ical.js and holds the reader's own dates only, answers 304 to its
// ETag, shows a change on the next fetch, and stops at once when replaced or
// revoked; the download is for the course's readers only.
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, calendarFeeds, courseEvents, learningTasks, users } from "@/db/schema";
import { GET as learnCalendar } from "@/app/(learn)/learn/[slug]/calendar.ics/route";
import { GET as fetchFeedRoute } from "@/app/api/calendar/feed/[file]/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createCalendarFeedAction } from "@/lib/calendar/actions/create-calendar-feed-action";
import { revokeCalendarFeedAction } from "@/lib/calendar/actions/revoke-calendar-feed-action";
import { feedReaderOf, fetchNoteIntervalMs, hashFeedToken, loadCalendarFeed } from "@/lib/calendar/feed-token";
import type { CurrentUser } from "@/lib/auth/session-user";
import { siteUrl } from "@/lib/site/config";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.9" }) }));

const dayMs = 24 * 60 * 60 * 1000;
const host = () => new URL(siteUrl()).hostname;

interface World {
  student: CurrentUser;
  otherStudent: CurrentUser;
  teacher: CurrentUser;
  otherTeacher: CurrentUser;
  admin: CurrentUser;
  course: CourseFixture;
  otherCourse: CourseFixture;
  taskId: string;
  otherTaskId: string;
  eventId: string;
}

let world: World;

async function dueTask(courseId: string, title: string, dueAt: Date): Promise<string> {
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId, type: "assignment", title, status: "published", maxPoints: 10, dueAt })
    .returning({ id: learningTasks.id });
  return task!.id;
}

beforeAll(async () => {
  const [student, otherStudent, teacher, otherTeacher, admin] = [
    await createActor("student"),
    await createActor("student"),
    await createActor("teacher"),
    await createActor("teacher"),
    await createActor("admin"),
  ];
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  const otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  await insertEnrollment(otherStudent.id, otherCourse.id);
  const soon = new Date(Math.ceil((Date.now() + 10 * dayMs) / 60_000) * 60_000);
  const taskId = await dueTask(course.id, "Lab report, part 1; draft", soon);
  const otherTaskId = await dueTask(otherCourse.id, "Someone else's essay", soon);
  const [event] = await testDb()
    .insert(courseEvents)
    .values({
      courseId: course.id,
      title: "Weekly lab",
      description: "Bring **goggles**.",
      location: "Lab 2, Block C",
      startsAt: new Date(soon.getTime() - 3 * dayMs),
      endsAt: new Date(soon.getTime() - 3 * dayMs + 90 * 60_000),
      timeZone: "Europe/London",
      recurrence: "weekly",
      recurrenceInterval: 1,
      recurrenceCount: 8,
    })
    .returning({ id: courseEvents.id });
  world = { student, otherStudent, teacher, otherTeacher, admin, course, otherCourse, taskId, otherTaskId, eventId: event!.id };
});

beforeEach(() => vi.mocked(getCurrentUser).mockReset());
afterEach(() => {
  delete process.env.CALENDAR_FEED_RATE_LIMIT;
});

async function createFeedAs(user: CurrentUser) {
  vi.mocked(getCurrentUser).mockResolvedValue(user);
  const result = await createCalendarFeedAction({});
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

async function fetchFeed(url: string, headers: Record<string, string> = {}) {
  const file = new URL(url).pathname.split("/").at(-1)!;
  const response = await fetchFeedRoute(new Request(url, { headers }), { params: Promise.resolve({ file }) });
  return { response, text: await response.text() };
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  return { calendar, events, byUid: (uid: string) => events.find((event) => event.uid === `${uid}@${host()}`) };
}

const auditOf = (userId: string, action: string) =>
  testDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)));

describe("the feed", () => {
  it("is made once, keeps only the token's hash, and is audited", async () => {
    const user = await createActor("student");
    const created = await createFeedAs(user);
    expect(created.url).toMatch(new RegExp(`^${siteUrl()}/api/calendar/feed/jvc_[A-Za-z0-9_-]{43}\\.ics$`));
    expect(created.webcalUrl).toBe(created.url.replace(/^https?:/, "webcal:"));
    expect(created.replaced).toBe(false);
    const token = created.url.split("/").at(-1)!.replace(/\.ics$/, "");
    const [row] = await testDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
    expect(row).toMatchObject({ tokenHash: hashFeedToken(token), lastFetchedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const [entry] = await auditOf(user.id, "calendar_feed.created");
    expect(entry).toMatchObject({ actorId: user.id, entityType: "user", after: { replaced: false }, ip: "203.0.113.9" });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it("holds the student's due dates and its courses' events, parsed by ical.js, and nothing of another course", async () => {
    const { url } = await createFeedAs(world.student);
    const { response, text } = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);

    const { calendar, events, byUid } = eventsOf(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const due = byUid(`due-${world.taskId}`)!;
    expect(due.summary).toMatch(/^Due: Lab report, part 1; draft \(Fixture course \d+\)$/);
    expect(due.component.getFirstPropertyValue("url")).toBe(`${siteUrl()}/learn/${world.course.slug}/assignment/${world.taskId}`);
    const lab = byUid(`event-${world.eventId}`)!;
    expect(lab.location).toBe("Lab 2, Block C");
    expect(lab.isRecurring()).toBe(true);
    expect(lab.startDate.zone?.tzid).toBe("Europe/London");
    expect(calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual(["Europe/London"]);
    expect(events.some((event) => event.uid.startsWith(`due-${world.otherTaskId}`))).toBe(false);
    expect(text).not.toContain("Someone else");
  });

  it("answers 304 to its ETag, and a changed due date on the next fetch with a new ETag", async () => {
    const { url } = await createFeedAs(world.student);
    const first = await fetchFeed(url);
    const etag = first.response.headers.get("etag")!;
    const again = await fetchFeed(url, { "if-none-match": etag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.response.headers.get("etag")).toBe(etag);
    expect((await fetchFeed(url, { "if-none-match": `W/${etag}, "other"` })).response.status).toBe(304);

    const moved = new Date(Math.ceil((Date.now() + 20 * dayMs) / 60_000) * 60_000);
    await testDb().update(learningTasks).set({ dueAt: moved, updatedAt: new Date() }).where(eq(learningTasks.id, world.taskId));
    const changed = await fetchFeed(url, { "if-none-match": etag });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(etag);
    const due = eventsOf(changed.text).byUid(`due-${world.taskId}`)!;
    expect(due.startDate.toJSDate().getTime()).toBe(moved.getTime());
  });

  it("shows an edited event with a higher SEQUENCE under the same UID", async () => {
    const { url } = await createFeedAs(world.student);
    const before = eventsOf((await fetchFeed(url)).text).byUid(`event-${world.eventId}`)!;
    await testDb()
      .update(courseEvents)
      .set({ location: "Lab 3", sequence: before.sequence + 1, updatedAt: new Date() })
      .where(eq(courseEvents.id, world.eventId));
    const after = eventsOf((await fetchFeed(url)).text).byUid(`event-${world.eventId}`)!;
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.location).toBe("Lab 3");
  });

  it("stops working at once when a new address replaces it", async () => {
    const user = await createActor("student");
    await insertEnrollment(user.id, world.course.id);
    const first = await createFeedAs(user);
    expect((await fetchFeed(first.url)).response.status).toBe(200);
    const second = await createFeedAs(user);
    expect(second.replaced).toBe(true);
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(first.url)).response.status).toBe(404);
    expect((await fetchFeed(second.url)).response.status).toBe(200);
    expect((await auditOf(user.id, "calendar_feed.created")).map((entry) => entry.after)).toEqual(
      expect.arrayContaining([{ replaced: false }, { replaced: true }]),
    );
  });

  it("answers 404 once revoked, and revoking twice says there is nothing to revoke", async () => {
    const user = await createActor("teacher");
    const { url } = await createFeedAs(user);
    const revoked = await revokeCalendarFeedAction({});
    expect(revoked).toEqual({ ok: true, data: { revoked: true } });
    const { response, text } = await fetchFeed(url);
    expect(response.status).toBe(404);
    expect(text).toBe("Not found");
    expect(await loadCalendarFeed(testDb(), user)).toBeNull();
    expect(await auditOf(user.id, "calendar_feed.revoked")).toHaveLength(1);
    expect(await revokeCalendarFeedAction({})).toMatchObject({ ok: false, error: "You have no calendar feed to revoke." });
    expect(await auditOf(user.id, "calendar_feed.revoked")).toHaveLength(1);
  });

  it("answers 404 for a deactivated user, a malformed or unknown token, and an address without .ics", async () => {
    const user = await createActor("student");
    const { url } = await createFeedAs(user);
    expect((await fetchFeed(url.replace(/\.ics$/, ""))).response.status).toBe(404);
    expect((await fetchFeed(`${siteUrl()}/api/calendar/feed/jvc_${"A".repeat(43)}.ics`)).response.status).toBe(404);
    expect((await fetchFeed(`${siteUrl()}/api/calendar/feed/jvc_short.ics`)).response.status).toBe(404);
    await testDb().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect((await fetchFeed(url)).response.status).toBe(404);
  });

  it("notes when it was fetched, at most every few minutes", async () => {
    const user = await createActor("student");
    const { url } = await createFeedAs(user);
    const token = url.split("/").at(-1)!.replace(/\.ics$/, "");
    const start = new Date("2026-09-01T08:00:00Z");
    expect(await feedReaderOf(testDb(), token, start)).toMatchObject({ id: user.id, timeZone: null });
    expect((await loadCalendarFeed(testDb(), user))!.lastFetchedAt).toEqual(start);
    await feedReaderOf(testDb(), token, new Date(start.getTime() + fetchNoteIntervalMs - 1000));
    expect((await loadCalendarFeed(testDb(), user))!.lastFetchedAt).toEqual(start);
    const later = new Date(start.getTime() + fetchNoteIntervalMs);
    await feedReaderOf(testDb(), token, later);
    expect((await loadCalendarFeed(testDb(), user))!.lastFetchedAt).toEqual(later);
  });

  it("names the reader's chosen zone in X-WR-TIMEZONE", async () => {
    const user = await createActor("student");
    await testDb().update(users).set({ timeZone: "Asia/Kolkata" }).where(eq(users.id, user.id));
    const { url } = await createFeedAs(user);
    expect(eventsOf((await fetchFeed(url)).text).calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Kolkata");
  });

  it("slows a feed fetched too often, counted per feed", async () => {
    process.env.CALENDAR_FEED_RATE_LIMIT = "2";
    const user = await createActor("student");
    const { url } = await createFeedAs(user);
    expect((await fetchFeed(url)).response.status).toBe(200);
    expect((await fetchFeed(url)).response.status).toBe(200);
    const limited = await fetchFeed(url);
    expect(limited.response.status).toBe(429);
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another user's feed has its own allowance.
    expect((await fetchFeed((await createFeedAs(await createActor("teacher"))).url)).response.status).toBe(200);
  });
});

describe("a course's .ics download", () => {
  async function download(user: CurrentUser | null, slug = world.course.slug) {
    vi.mocked(getCurrentUser).mockResolvedValue(user);
    const response = await learnCalendar(new Request(`${siteUrl()}/learn/${slug}/calendar.ics`), { params: Promise.resolve({ slug }) });
    return { response, text: await response.text() };
  }

  it.each(["student", "teacher", "admin"] as const)("is a file of the course's dates for its %s", async (role) => {
    const { response, text } = await download(world[role]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${world.course.slug}-calendar.ics"`);
    const { byUid, calendar } = eventsOf(text);
    expect(byUid(`due-${world.taskId}`)).toBeDefined();
    expect(byUid(`event-${world.eventId}`)).toBeDefined();
    expect(String(calendar.getFirstPropertyValue("x-wr-calname"))).toMatch(/^Fixture course \d+/);
    expect(text).not.toContain(world.otherTaskId);
  });

  it("is not found for a student not enrolled in it, another course's teacher, or a course that does not exist", async () => {
    expect((await download(world.otherStudent)).response.status).toBe(404);
    expect((await download(world.otherTeacher)).response.status).toBe(404);
    expect((await download(world.student, world.otherCourse.slug)).response.status).toBe(404);
    expect((await download(world.student, "no-such-course")).response.status).toBe(404);
    expect((await download(world.student, "bad\u0000slug")).response.status).toBe(404);
  });

  it("asks a guest to sign in", async () => {
    expect((await download(null)).response.status).toBe(401);
  });
});
