import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { announcements, courses, enrollments, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { personName } from "@/lib/users/person-search";
import { pageCountOf } from "@/lib/pagination";
import { courseReadableBy } from "./access";
import { announcementPageSize } from "./schemas";

export interface AnnouncementCourse {
  id: string;
  slug: string;
  title: string;
}

export interface AnnouncementSummary {
  id: string;
  title: string;
  /** Null once the author's account is gone. */
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AnnouncementDetail extends AnnouncementSummary {
  body: string;
  authorId: string | null;
}

export interface AnnouncementPage<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export interface DashboardAnnouncement extends AnnouncementSummary {
  course: AnnouncementCourse;
}

const summaryColumns = {
  id: announcements.id,
  title: announcements.title,
  authorName: sql<string | null>`${personName}`,
  createdAt: announcements.createdAt,
  updatedAt: announcements.updatedAt,
};
const detailColumns = { ...summaryColumns, body: announcements.body, authorId: announcements.authorId };
const newestFirst = [desc(announcements.createdAt), desc(announcements.id)];

/** The course whose announcements the teacher page manages: its teacher's or, for an admin, any; else null. One statement. */
export async function loadPostableCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<AnnouncementCourse | null> {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title, status: courses.status, visibility: courses.visibility, teacherId: courses.teacherId })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  if (!course || !can(actor, "announcement.post", course)) return null;
  return { id: course.id, slug: course.slug, title: course.title };
}

/** The course by its slug when the actor may read its content (see courseReadableBy); else null. One statement. */
export async function loadReadableCourse(db: DbOrTx, actor: Actor, slug: string): Promise<AnnouncementCourse | null> {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title })
    .from(courses)
    .where(and(eq(courses.slug, slug), courseReadableBy(actor)));
  return course ?? null;
}

/**
 * One page of a course's announcements, newest first, with their bodies (the
 * teacher edits them in place), when the actor may read the course; an empty
 * page otherwise. Two statements: the page and the count.
 */
export async function listCourseAnnouncements(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  page: number,
): Promise<AnnouncementPage<AnnouncementDetail>> {
  const where = and(eq(announcements.courseId, courseId), courseReadableBy(actor));
  const items = await db
    .select(detailColumns)
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(where)
    .orderBy(...newestFirst)
    .limit(announcementPageSize)
    .offset((page - 1) * announcementPageSize);
  const [counted] = await db
    .select({ total: count() })
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .where(where);
  const total = counted?.total ?? 0;
  return { items, total, page, pageCount: pageCountOf(total, announcementPageSize) };
}

/** One announcement of the course with this slug, when the actor may read that course; else null. One statement. */
export async function loadAnnouncement(db: DbOrTx, actor: Actor, slug: string, announcementId: string): Promise<AnnouncementDetail | null> {
  const [row] = await db
    .select(detailColumns)
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(and(eq(announcements.id, announcementId), eq(courses.slug, slug), courseReadableBy(actor)));
  return row ?? null;
}

/** The newest few announcements of one course the actor may read (the course page); none otherwise. One statement. */
export async function latestCourseAnnouncements(db: DbOrTx, actor: Actor, courseId: string, limit = 3): Promise<AnnouncementSummary[]> {
  return db
    .select(summaryColumns)
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(and(eq(announcements.courseId, courseId), courseReadableBy(actor)))
    .orderBy(...newestFirst)
    .limit(limit);
}

/**
 * The newest announcements across every course the student is enrolled in
 * (active or finished, never a draft course), for the dashboard: one
 * statement, joined over the enrolments, however many courses.
 */
export async function latestAnnouncementsForStudent(db: DbOrTx, actor: Actor, limit = 5): Promise<DashboardAnnouncement[]> {
  const rows = await db
    .select({ ...summaryColumns, courseId: courses.id, courseSlug: courses.slug, courseTitle: courses.title })
    .from(announcements)
    .innerJoin(courses, and(eq(courses.id, announcements.courseId), sql`${courses.status} <> 'draft'`))
    .innerJoin(
      enrollments,
      and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id), inArray(enrollments.status, ["active", "completed"])),
    )
    .leftJoin(users, eq(users.id, announcements.authorId))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(({ courseId, courseSlug, courseTitle, ...summary }) => ({
    ...summary,
    course: { id: courseId, slug: courseSlug, title: courseTitle },
  }));
}
