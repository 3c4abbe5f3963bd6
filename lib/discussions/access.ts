import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, discussionPosts, discussionThreads, enrollments } from "@/db/schema";
import { sectionTeacherCourses, teachesSectionOf } from "@/lib/sections/section-scope";
import type { CourseStatus, CourseVisibility, EnrollmentStatus } from "@/db/schema/enums";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";

// Loading a course, thread or post together with the actor's enrolment, so the
// policy (discussion.read / post / moderate) decides on one row.

export interface DiscussionCourse {
  id: string;
  slug: string;
  title: string;
  teacherId: string;
  status: CourseStatus;
  visibility: CourseVisibility;
  /** The actor's own enrolment, for the policy's student rules. */
  enrollmentStatus: EnrollmentStatus | null;
  /** Whether the actor teaches a section of the course (the policy's section-teacher rules). */
  sectionTeacher: boolean;
}

export const discussionNotFoundMessage = "This discussion does not exist or you are not a member of its course.";
export const threadLockedMessage = "This thread is locked";

/**
 * The course membership rule in SQL, for reads that put the actor in the
 * WHERE: admins; the course's teacher and its section teachers; its enrolled
 * (or finished) students while the course is not a draft. Mirrors the
 * policy's discussion.read.
 */
export function memberOfCourse(actor: Actor): SQL {
  if (actor.role === "admin") return sql`true`;
  const teacher = actor.role === "teacher" ? sql`(${eq(courses.teacherId, actor.id)} OR ${sectionTeacherCourses(actor)})` : sql`false`;
  const student =
    actor.role === "student"
      ? sql`(${courses.status} <> 'draft' AND ${enrollments.status} IN ('active', 'completed'))`
      : sql`false`;
  return sql`(${teacher} OR ${student})`;
}

/**
 * The threads of a course the actor may see, in SQL (with memberOfCourse): a
 * whole-course thread (no section) for every member; a section's thread for
 * that section's students and teachers, the course's teacher and admins.
 * Anyone else reads it as not found.
 */
// Qualified by hand: inside a subquery an unqualified section_id would read the subquery's own column.
const threadSection = sql.raw(`"discussion_threads"."section_id"`);

export function threadVisibleTo(actor: Actor): SQL {
  if (actor.role === "admin") return sql`true`;
  const wholeCourse = sql`${discussionThreads.sectionId} IS NULL`;
  if (actor.role === "teacher") {
    return sql`(${wholeCourse} OR ${courses.teacherId} = ${actor.id}::uuid
      OR EXISTS (SELECT 1 FROM section_teachers st WHERE st.section_id = ${threadSection} AND st.user_id = ${actor.id}::uuid))`;
  }
  return sql`(${wholeCourse}
    OR EXISTS (SELECT 1 FROM section_members sm WHERE sm.section_id = ${threadSection} AND sm.user_id = ${actor.id}::uuid))`;
}

/** The course's columns the policy decides on, with the actor's enrolment (from a join on it) and whether it teaches one of its sections. */
export const discussionCourseColumns = (actor: Actor) => ({
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  teacherId: courses.teacherId,
  status: courses.status,
  visibility: courses.visibility,
  enrollmentStatus: enrollments.status,
  sectionTeacher: teachesSectionOf(actor, courses.id),
});

/**
 * Whether the actor moderates one thread: the course's teacher and admins
 * any; a section teacher only the threads of a section it teaches
 * (`teachesThreadSection`), never the whole course's.
 */
export function moderatesThread(actor: Actor, course: DiscussionCourse, teachesThreadSection: boolean): boolean {
  return can(actor, "discussion.moderate", { ...course, sectionTeacher: teachesThreadSection });
}

/** Whether the actor teaches the thread's own section, as a column of a row on discussion_threads. */
export const teachesThreadSectionColumn = (actor: Actor) =>
  actor.role === "teacher"
    ? sql<boolean>`EXISTS (SELECT 1 FROM section_teachers st WHERE st.section_id = ${threadSection} AND st.user_id = ${actor.id}::uuid)`
    : sql<boolean>`false`;

const actorEnrollment = (actor: Actor) => and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id));

/** A course the actor may read the discussions of, by id; null otherwise. */
export async function loadCourseForDiscussion(db: DbOrTx, actor: Actor, courseId: string): Promise<DiscussionCourse | null> {
  const [row] = await db
    .select(discussionCourseColumns(actor))
    .from(courses)
    .leftJoin(enrollments, actorEnrollment(actor))
    .where(and(eq(courses.id, courseId), memberOfCourse(actor)));
  return row && can(actor, "discussion.read", row) ? row : null;
}

export interface ThreadInCourse {
  thread: {
    id: string;
    courseId: string;
    sectionId: string | null;
    authorId: string | null;
    title: string;
    pinned: boolean;
    locked: boolean;
    removedAt: Date | null;
  };
  course: DiscussionCourse;
  /** Whether the actor moderates this thread (see moderatesThread). */
  moderator: boolean;
}

const threadColumns = {
  id: discussionThreads.id,
  courseId: discussionThreads.courseId,
  sectionId: discussionThreads.sectionId,
  authorId: discussionThreads.authorId,
  title: discussionThreads.title,
  pinned: discussionThreads.pinned,
  locked: discussionThreads.locked,
  removedAt: discussionThreads.removedAt,
};

/**
 * A thread the actor may read, with its course: a section's thread only for
 * that section's students and teachers (and the course's staff). A removed
 * thread exists only for its moderators. `lock` takes the thread row FOR UPDATE so that replies,
 * locking and removal of one thread run one after the other.
 */
export async function loadThreadForActor(
  db: DbOrTx,
  actor: Actor,
  threadId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<ThreadInCourse | null> {
  const [row] = await db
    .select({ thread: threadColumns, course: discussionCourseColumns(actor), teachesThreadSection: teachesThreadSectionColumn(actor) })
    .from(discussionThreads)
    .innerJoin(courses, eq(courses.id, discussionThreads.courseId))
    .leftJoin(enrollments, actorEnrollment(actor))
    .where(and(eq(discussionThreads.id, threadId), memberOfCourse(actor), threadVisibleTo(actor)));
  if (!row || !can(actor, "discussion.read", row.course)) return null;
  const moderator = moderatesThread(actor, row.course, Boolean(row.teachesThreadSection));
  if (row.thread.removedAt && !moderator) return null;
  if (lock) {
    // Apart from the join: the outer join's nullable side cannot be locked.
    await db.select({ id: discussionThreads.id }).from(discussionThreads).where(eq(discussionThreads.id, threadId)).for("update");
  }
  return { thread: row.thread, course: row.course, moderator };
}

/** Like loadThreadForActor, but refuses (rolls back) instead of answering null. */
export async function requireThread(db: DbOrTx, actor: Actor, threadId: string, options: { lock?: boolean } = {}): Promise<ThreadInCourse> {
  const found = await loadThreadForActor(db, actor, threadId, options);
  if (!found) fail(discussionNotFoundMessage);
  return found;
}

export interface PostInThread extends ThreadInCourse {
  post: { id: string; threadId: string; authorId: string | null; body: string; deletedAt: Date | null };
}

/** A post of a thread the actor may read; refuses otherwise. Locks the thread. */
export async function requirePost(db: DbOrTx, actor: Actor, postId: string): Promise<PostInThread> {
  const [post] = await db
    .select({
      id: discussionPosts.id,
      threadId: discussionPosts.threadId,
      authorId: discussionPosts.authorId,
      body: discussionPosts.body,
      deletedAt: discussionPosts.deletedAt,
    })
    .from(discussionPosts)
    .where(eq(discussionPosts.id, postId));
  if (!post) fail(discussionNotFoundMessage);
  const found = await requireThread(db, actor, post.threadId, { lock: true });
  return { ...found, post };
}
