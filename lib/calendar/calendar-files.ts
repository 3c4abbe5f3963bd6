import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { siteName, siteUrl } from "@/lib/site/config";
import { calendarItemsFor } from "./calendar-items";
import type { FeedReader } from "./feed-token";
import { writeCalendar } from "./ical/write-calendar";

// The two iCalendar files the site serves: a user's private feed (every
// course of theirs) and one course's download. Both are written from the
// calendar's one collector, so they hold what the calendar page shows.

const dayMs = 24 * 60 * 60 * 1000;

/** What the feed covers: 60 days back (recent due dates stay visible) to 400 days ahead (a school year and more). */
export const feedWindow = { pastDays: 60, futureDays: 400 } as const;
/** What a course's download covers: a year back to two years ahead. */
export const courseFileWindow = { pastDays: 365, futureDays: 730 } as const;
/** How often a subscribed calendar app is asked to fetch the feed again (apps may wait longer: Google takes hours). */
export const feedRefreshMinutes = 60;

export const windowAround = (now: Date, window: { pastDays: number; futureDays: number }) => ({
  from: new Date(now.getTime() - window.pastDays * dayMs),
  to: new Date(now.getTime() + window.futureDays * dayMs),
});

/** A strong validator of a file's exact bytes: the same items give the same tag, any change a new one. */
export const calendarEtag = (text: string) => `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;

/** Whether an If-None-Match header names this tag (or any, with *); compared weakly, as RFC 9110 asks for GET. */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/**
 * An .ics answer with its ETag, or 304 without a body when the request's
 * If-None-Match names it. `fileName` makes it a download (attachment).
 */
export function calendarResponse(request: Request, text: string, { cacheControl, fileName }: { cacheControl: string; fileName?: string }): Response {
  const etag = calendarEtag(text);
  const headers: Record<string, string> = {
    "Cache-Control": cacheControl,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
  };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = "text/calendar; charset=utf-8";
  if (fileName) headers["Content-Disposition"] = `attachment; filename="${fileName.replace(/[^\w.-]/g, "_").slice(0, 120)}"`;
  return new Response(text, { status: 200, headers });
}

/** The feed of a user, as its calendar app fetches it. Up to six statements (the collector's). */
export async function feedCalendarText(db: DbOrTx, reader: FeedReader, now = new Date()): Promise<string> {
  const range = windowAround(now, feedWindow);
  const items = await calendarItemsFor(db, reader, range);
  return writeCalendar(items, {
    name: `${siteName()} (${reader.displayName ?? reader.username})`,
    description: `Due dates, openings and events of your courses at ${siteName()}.`,
    siteUrl: siteUrl(),
    timeZone: reader.timeZone,
    refreshMinutes: feedRefreshMinutes,
    coversUntil: range.to,
  });
}

export interface CourseCalendarFile {
  text: string;
  fileName: string;
}

type CourseRef = { courseId: string } | { slug: string };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slugPattern = /^[^\u0000-\u001f\u007f]{1,220}$/;

/**
 * One course's calendar as a file, for whoever may read the course: an
 * enrolled student (its own due dates), the course's teacher and an admin
 * (the teacher's view: every due date and rule date). Null for anyone else,
 * as if the course did not exist.
 */
export async function courseCalendarFile(db: DbOrTx, actor: Actor, ref: CourseRef, now = new Date()): Promise<CourseCalendarFile | null> {
  // A malformed address names no course: not found, never a database error.
  if ("courseId" in ref ? !uuidPattern.test(ref.courseId) : !slugPattern.test(ref.slug)) return null;
  const [course] = await db
    .select({
      id: courses.id,
      title: courses.title,
      slug: courses.slug,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      enrollmentStatus: enrollments.status,
      timeZone: sql<string | null>`(SELECT ${users.timeZone} FROM ${users} WHERE ${users.id} = ${actor.id})`,
    })
    .from(courses)
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where("courseId" in ref ? eq(courses.id, ref.courseId) : eq(courses.slug, ref.slug));
  if (!course || !can(actor, "course.viewContent", course)) return null;
  // An admin reads a course it does not teach as its teacher does.
  const reader: Actor = actor.role === "admin" && actor.id !== course.teacherId ? { id: course.teacherId, role: "teacher" } : actor;
  const range = windowAround(now, courseFileWindow);
  const items = await calendarItemsFor(db, reader, { ...range, courseId: course.id });
  const text = writeCalendar(items, {
    name: `${course.title} (${siteName()})`,
    description: `Due dates, openings and events of ${course.title}.`,
    siteUrl: siteUrl(),
    timeZone: course.timeZone,
    refreshMinutes: feedRefreshMinutes,
    coversUntil: range.to,
  });
  return { text, fileName: `${course.slug}-calendar.ics` };
}
