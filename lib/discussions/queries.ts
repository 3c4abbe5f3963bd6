import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, courses, discussionPosts, discussionThreads, enrollments, lessons, threadFollows, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { discussionCourseColumns, memberOfCourse, moderatesThread, teachesThreadSectionColumn, threadVisibleTo } from "./access";
import { pageCountOf } from "@/lib/pagination";
import { postPermissions, type PostPermissions } from "./rules";

export const threadsPerPage = 20;
export const postsPerPage = 25;

export interface DiscussionCourseView {
  id: string;
  slug: string;
  title: string;
  canPost: boolean;
  canModerate: boolean;
  /** The course's lessons in course order, for the lesson filter and the new-thread select. */
  lessons: { id: string; title: string; moduleTitle: string }[];
  /**
   * The sections a new thread may be for and (for staff) the list filters on:
   * all of the course's for its teacher and admins, its own for a section
   * teacher or a student. Empty when the course has none.
   */
  sections: { id: string; name: string }[];
  /** A section teacher (not the course's teacher) starts threads in its sections only. */
  sectionsOnly: boolean;
  /** Staff (the course's teacher, a section teacher, an admin) see the section filter and every section's threads they may. */
  staff: boolean;
}

type SectionChoice = { id: string; name: string };
const parseJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

const actorEnrollment = (actor: Actor) => and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id));

/** The name shown for an author; an erased account reads "Former member". */
const authorName = sql<string>`coalesce(${users.displayName}, ${users.username}, 'Former member')`;

/**
 * A course whose discussions the actor may read (its members: enrolled or
 * finished students of a non-draft course, its teacher and section teachers,
 * admins), with its lessons and the sections the actor may choose. One
 * statement; null reads as not found.
 */
export async function loadDiscussionCourse(db: DbOrTx, actor: Actor, slug: string): Promise<DiscussionCourseView | null> {
  const [row] = await db
    .select({
      ...discussionCourseColumns(actor),
      lessons: sql<DiscussionCourseView["lessons"]>`coalesce((
        SELECT json_agg(json_build_object('id', l.id, 'title', l.title, 'moduleTitle', m.title) ORDER BY m.position, l.position)
        FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = ${courses.id}), '[]'::json)`,
      sections: sql<SectionChoice[] | string>`coalesce((
        SELECT json_agg(json_build_object('id', cs.id, 'name', cs.name) ORDER BY cs.name, cs.id) FROM course_sections cs
        WHERE cs.course_id = ${courses.id} AND (${actor.role === "admin" ? sql`true` : sql`${courses.teacherId} = ${actor.id}::uuid`}
          OR EXISTS (SELECT 1 FROM section_teachers st WHERE st.section_id = cs.id AND st.user_id = ${actor.id}::uuid)
          OR EXISTS (SELECT 1 FROM section_members sm WHERE sm.section_id = cs.id AND sm.user_id = ${actor.id}::uuid))), '[]'::json)`,
    })
    .from(courses)
    .leftJoin(enrollments, actorEnrollment(actor))
    .where(and(eq(courses.slug, slug), memberOfCourse(actor)));
  if (!row || !can(actor, "discussion.read", row)) return null;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    canPost: can(actor, "discussion.post", row),
    // The course-wide tools (pin, lock, remove in the list): the course's teacher and admins; a section teacher moderates per thread.
    canModerate: can(actor, "discussion.moderate", { ...row, sectionTeacher: false }),
    lessons: typeof row.lessons === "string" ? JSON.parse(row.lessons) : row.lessons,
    sections: parseJson(row.sections),
    sectionsOnly: actor.role === "teacher" && actor.id !== row.teacherId,
    staff: actor.role !== "student",
  };
}

export interface ThreadListItem {
  id: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  postCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  authorName: string;
  lesson: { id: string; title: string } | null;
  /** The section it is for; null: the whole course. */
  section: { id: string; name: string } | null;
}

export interface ThreadListPage {
  threads: ThreadListItem[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * One page of a course's threads the actor may see (a section's only for its
 * students and teachers): pinned first, then the most recently active (id
 * breaks ties so pages never overlap), optionally of one lesson or one
 * section. Removed threads are hidden. One statement: the total rides along
 * as a window count.
 */
export async function listThreads(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  { page = 1, lessonId = null, sectionId = null }: { page?: number; lessonId?: string | null; sectionId?: string | null } = {},
): Promise<ThreadListPage> {
  const conditions: SQL[] = [
    eq(discussionThreads.courseId, courseId),
    isNull(discussionThreads.removedAt),
    memberOfCourse(actor),
    threadVisibleTo(actor),
  ];
  if (lessonId) conditions.push(eq(discussionThreads.lessonId, lessonId));
  if (sectionId) conditions.push(eq(discussionThreads.sectionId, sectionId));
  const rows = await db
    .select({
      id: discussionThreads.id,
      title: discussionThreads.title,
      pinned: discussionThreads.pinned,
      locked: discussionThreads.locked,
      postCount: discussionThreads.postCount,
      lastActivityAt: discussionThreads.lastActivityAt,
      createdAt: discussionThreads.createdAt,
      authorName,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      sectionId: courseSections.id,
      sectionName: courseSections.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(discussionThreads)
    .innerJoin(courses, eq(courses.id, discussionThreads.courseId))
    .leftJoin(enrollments, actorEnrollment(actor))
    .leftJoin(users, eq(users.id, discussionThreads.authorId))
    .leftJoin(lessons, eq(lessons.id, discussionThreads.lessonId))
    .leftJoin(courseSections, eq(courseSections.id, discussionThreads.sectionId))
    .where(and(...conditions))
    .orderBy(desc(discussionThreads.pinned), desc(discussionThreads.lastActivityAt), desc(discussionThreads.id))
    .limit(threadsPerPage)
    .offset((page - 1) * threadsPerPage);
  const total = rows[0]?.total ?? 0;
  return {
    threads: rows.map(({ lessonId: id, lessonTitle, sectionId: sid, sectionName, total: _total, ...thread }) => ({
      ...thread,
      lesson: id && lessonTitle !== null ? { id, title: lessonTitle } : null,
      section: sid && sectionName !== null ? { id: sid, name: sectionName } : null,
    })),
    page,
    pageCount: pageCountOf(total, threadsPerPage),
    total,
  };
}

export interface ThreadPost {
  id: string;
  /** 1 for the opening post. */
  number: number;
  authorName: string;
  /** "Teacher" for the course's teacher, "Admin" for an admin; null for a student. */
  authorRole: "Teacher" | "Admin" | null;
  /** Null once deleted or removed: the text is never sent again. */
  body: string | null;
  removed: boolean;
  /** Written by the reader. */
  own: boolean;
  createdAt: Date;
  editedAt: Date | null;
  permissions: PostPermissions;
}

export interface ThreadView {
  course: { id: string; slug: string; title: string };
  thread: {
    id: string;
    title: string;
    pinned: boolean;
    locked: boolean;
    removed: boolean;
    postCount: number;
    lesson: { id: string; title: string } | null;
    /** The section it is for; null: the whole course. */
    section: { id: string; name: string } | null;
  };
  following: boolean;
  canModerate: boolean;
  /** Whether the reply form is shown: posting allowed, and the thread open (or the reader a moderator). */
  canReply: boolean;
  posts: ThreadPost[];
  page: number;
  pageCount: number;
}

/**
 * A thread of a course the actor may read, with one page of its posts (oldest
 * first). A removed thread exists only for moderators. Two statements, three
 * when `postId` asks for the page holding one post (a notification's link).
 */
export async function loadThread(
  db: DbOrTx,
  actor: Actor,
  slug: string,
  threadId: string,
  { page: requestedPage = 1, postId = null }: { page?: number; postId?: string | null } = {},
): Promise<ThreadView | null> {
  const [row] = await db
    .select({
      thread: {
        id: discussionThreads.id,
        title: discussionThreads.title,
        pinned: discussionThreads.pinned,
        locked: discussionThreads.locked,
        removedAt: discussionThreads.removedAt,
        postCount: discussionThreads.postCount,
      },
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      sectionId: courseSections.id,
      sectionName: courseSections.name,
      teachesThreadSection: teachesThreadSectionColumn(actor),
      course: discussionCourseColumns(actor),
      following: sql<boolean>`exists (SELECT 1 FROM ${threadFollows} WHERE ${threadFollows.threadId} = ${discussionThreads.id} AND ${threadFollows.userId} = ${actor.id})`,
    })
    .from(discussionThreads)
    .innerJoin(courses, eq(courses.id, discussionThreads.courseId))
    .leftJoin(enrollments, actorEnrollment(actor))
    .leftJoin(lessons, eq(lessons.id, discussionThreads.lessonId))
    .leftJoin(courseSections, eq(courseSections.id, discussionThreads.sectionId))
    .where(and(eq(discussionThreads.id, threadId), eq(courses.slug, slug), memberOfCourse(actor), threadVisibleTo(actor)));
  if (!row || !can(actor, "discussion.read", row.course)) return null;
  const canModerate = moderatesThread(actor, row.course, Boolean(row.teachesThreadSection));
  if (row.thread.removedAt && !canModerate) return null;
  const canPost = can(actor, "discussion.post", row.course);
  const thread = { ...row.thread, removed: row.thread.removedAt !== null };

  let page = requestedPage;
  if (postId) {
    // The page of the linked post: how many posts come before it.
    const [position] = await db
      .select({ before: sql<number>`count(*)`.mapWith(Number) })
      .from(discussionPosts)
      .where(
        and(
          eq(discussionPosts.threadId, threadId),
          sql`(${discussionPosts.createdAt}, ${discussionPosts.id}) < (SELECT p.created_at, p.id FROM ${discussionPosts} p WHERE p.id = ${postId} AND p.thread_id = ${threadId})`,
        ),
      );
    page = Math.floor((position?.before ?? 0) / postsPerPage) + 1;
  }

  const rows = await db
    .select({
      id: discussionPosts.id,
      number: sql<number>`row_number() over (ORDER BY ${discussionPosts.createdAt}, ${discussionPosts.id})`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
      authorId: discussionPosts.authorId,
      authorName,
      // A section teacher of the course (still a teacher) reads as "Teacher" too.
      authorRole: sql<"Teacher" | "Admin" | null>`CASE WHEN ${discussionPosts.authorId} = ${row.course.teacherId} THEN 'Teacher' WHEN ${users.role} = 'admin' THEN 'Admin'
        WHEN ${users.role} = 'teacher' AND EXISTS (SELECT 1 FROM section_teachers st JOIN course_sections cs ON cs.id = st.section_id
          WHERE st.user_id = ${discussionPosts.authorId} AND cs.course_id = ${row.course.id}::uuid) THEN 'Teacher' END`,
      body: sql<string | null>`CASE WHEN ${discussionPosts.deletedAt} IS NULL THEN ${discussionPosts.body} END`,
      removed: sql<boolean>`${discussionPosts.deletedAt} IS NOT NULL`,
      createdAt: discussionPosts.createdAt,
      editedAt: discussionPosts.editedAt,
    })
    .from(discussionPosts)
    .leftJoin(users, eq(users.id, discussionPosts.authorId))
    .where(eq(discussionPosts.threadId, threadId))
    .orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id))
    .limit(postsPerPage)
    .offset((page - 1) * postsPerPage);

  const context = { actorId: actor.id, canPost, canModerate, locked: thread.locked, removed: thread.removed };
  return {
    course: { id: row.course.id, slug: row.course.slug, title: row.course.title },
    thread: {
      id: thread.id,
      title: thread.title,
      pinned: thread.pinned,
      locked: thread.locked,
      removed: thread.removed,
      postCount: thread.postCount,
      lesson: row.lessonId && row.lessonTitle !== null ? { id: row.lessonId, title: row.lessonTitle } : null,
      section: row.sectionId && row.sectionName !== null ? { id: row.sectionId, name: row.sectionName } : null,
    },
    following: Boolean(row.following),
    canModerate,
    canReply: canPost && !thread.removed && (!thread.locked || canModerate),
    posts: rows.map(({ total: _total, authorId, ...post }) => ({
      ...post,
      removed: Boolean(post.removed),
      own: authorId !== null && authorId === actor.id,
      permissions: postPermissions(context, { authorId, removed: Boolean(post.removed) }),
    })),
    page,
    pageCount: pageCountOf(rows[0]?.total ?? thread.postCount, postsPerPage),
  };
}
