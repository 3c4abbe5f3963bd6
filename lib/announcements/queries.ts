import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { announcements, courses, enrollments, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { gradedCourses, teachesSectionOf } from "@/lib/sections/section-scope";
import { personName } from "@/lib/users/person-search";
import { pageCountOf } from "@/lib/pagination";
import { courseReadableBy } from "./access";
import { announcementVisibleTo, audienceSectionsColumn, parseAudience, type AnnouncementAudienceSection } from "./audience";
import { announcementPageSize } from "./schemas";

export interface AnnouncementCourse {
  id: string;
  slug: string;
  title: string;
}

export interface AnnouncementSummary {
  id: string;
  title: string;
  /** The sections it is for, by name; empty: the whole course. */
  sections: AnnouncementAudienceSection[];
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
  sections: audienceSectionsColumn,
  authorName: sql<string | null>`${personName}`,
  createdAt: announcements.createdAt,
  updatedAt: announcements.updatedAt,
};
const detailColumns = { ...summaryColumns, body: announcements.body, authorId: announcements.authorId };
const newestFirst = [desc(announcements.createdAt), desc(announcements.id)];

export interface PostableCourse extends AnnouncementCourse {
  /** The sections the actor may address: all of the course's for its teacher and admins, its own for a section teacher. */
  sections: AnnouncementAudienceSection[];
  /** A section teacher addresses its sections only, never the whole course. */
  sectionsOnly: boolean;
}

/**
 * The course whose announcements the teacher page manages: its teacher's, one
 * it teaches a section of, or for an admin any; else null. With the sections
 * the actor may address. One statement.
 */
export async function loadPostableCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<PostableCourse | null> {
  const restrictToOwn = actor.role === "admin" ? sql`false` : sql`${courses.teacherId} <> ${actor.id}::uuid`;
  const [course] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      sectionTeacher: teachesSectionOf(actor, courses.id),
      sections: sql<AnnouncementAudienceSection[] | string>`coalesce((
        SELECT json_agg(json_build_object('id', cs.id, 'name', cs.name) ORDER BY cs.name, cs.id) FROM course_sections cs
        WHERE cs.course_id = ${courses.id} AND (NOT ${restrictToOwn}
          OR EXISTS (SELECT 1 FROM section_teachers st WHERE st.section_id = cs.id AND st.user_id = ${actor.id}::uuid))), '[]'::json)`,
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), gradedCourses(actor)));
  if (!course || !can(actor, "announcement.post", course)) return null;
  const sectionsOnly = actor.role !== "admin" && actor.id !== course.teacherId;
  return { id: course.id, slug: course.slug, title: course.title, sections: parseAudience(course.sections), sectionsOnly };
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
  const where = and(eq(announcements.courseId, courseId), courseReadableBy(actor), announcementVisibleTo(actor));
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
  return { items: items.map((item) => ({ ...item, sections: parseAudience(item.sections) })), total, page, pageCount: pageCountOf(total, announcementPageSize) };
}

/** One announcement of the course with this slug, when the actor may read that course; else null. One statement. */
export async function loadAnnouncement(db: DbOrTx, actor: Actor, slug: string, announcementId: string): Promise<AnnouncementDetail | null> {
  const [row] = await db
    .select(detailColumns)
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(and(eq(announcements.id, announcementId), eq(courses.slug, slug), courseReadableBy(actor), announcementVisibleTo(actor)));
  return row ? { ...row, sections: parseAudience(row.sections) } : null;
}

/** The newest few announcements of one course the actor may read (the course page); none otherwise. One statement. */
export async function latestCourseAnnouncements(db: DbOrTx, actor: Actor, courseId: string, limit = 3): Promise<AnnouncementSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(announcements)
    .innerJoin(courses, eq(courses.id, announcements.courseId))
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(and(eq(announcements.courseId, courseId), courseReadableBy(actor), announcementVisibleTo(actor)))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map((row) => ({ ...row, sections: parseAudience(row.sections) }));
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
    .where(announcementVisibleTo(actor))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(({ courseId, courseSlug, courseTitle, sections, ...summary }) => ({
    ...summary,
    sections: parseAudience(sections),
    course: { id: courseId, slug: courseSlug, title: courseTitle },
  }));
}
