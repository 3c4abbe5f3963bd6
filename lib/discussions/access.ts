import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, discussionPosts, discussionThreads, enrollments } from "@/db/schema";
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
}

export const discussionNotFoundMessage = "This discussion does not exist or you are not a member of its course.";
export const threadLockedMessage = "This thread is locked";

/**
 * The course membership rule in SQL, for reads that put the actor in the
 * WHERE: admins; the course's teacher; its enrolled (or finished) students
 * while the course is not a draft. Mirrors the policy's discussion.read.
 */
export function memberOfCourse(actor: Actor): SQL {
  if (actor.role === "admin") return sql`true`;
  const teacher = actor.role === "teacher" ? eq(courses.teacherId, actor.id) : sql`false`;
  const student =
    actor.role === "student"
      ? sql`(${courses.status} <> 'draft' AND ${enrollments.status} IN ('active', 'completed'))`
      : sql`false`;
  return sql`(${teacher} OR ${student})`;
}

/** The course's columns the policy decides on, with the actor's enrolment (from a join on it). */
export const discussionCourseColumns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  teacherId: courses.teacherId,
  status: courses.status,
  visibility: courses.visibility,
  enrollmentStatus: enrollments.status,
};

const actorEnrollment = (actor: Actor) => and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id));

/** A course the actor may read the discussions of, by id; null otherwise. */
export async function loadCourseForDiscussion(db: DbOrTx, actor: Actor, courseId: string): Promise<DiscussionCourse | null> {
  const [row] = await db
    .select(discussionCourseColumns)
    .from(courses)
    .leftJoin(enrollments, actorEnrollment(actor))
    .where(and(eq(courses.id, courseId), memberOfCourse(actor)));
  return row && can(actor, "discussion.read", row) ? row : null;
}

export interface ThreadInCourse {
  thread: { id: string; courseId: string; authorId: string | null; title: string; pinned: boolean; locked: boolean; removedAt: Date | null };
  course: DiscussionCourse;
}

const threadColumns = {
  id: discussionThreads.id,
  courseId: discussionThreads.courseId,
  authorId: discussionThreads.authorId,
  title: discussionThreads.title,
  pinned: discussionThreads.pinned,
  locked: discussionThreads.locked,
  removedAt: discussionThreads.removedAt,
};

/**
 * A thread the actor may read, with its course. A removed thread exists only
 * for moderators. `lock` takes the thread row FOR UPDATE so that replies,
 * locking and removal of one thread run one after the other.
 */
export async function loadThreadForActor(
  db: DbOrTx,
  actor: Actor,
  threadId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<ThreadInCourse | null> {
  const [row] = await db
    .select({ thread: threadColumns, course: discussionCourseColumns })
    .from(discussionThreads)
    .innerJoin(courses, eq(courses.id, discussionThreads.courseId))
    .leftJoin(enrollments, actorEnrollment(actor))
    .where(and(eq(discussionThreads.id, threadId), memberOfCourse(actor)));
  if (!row || !can(actor, "discussion.read", row.course)) return null;
  if (row.thread.removedAt && !can(actor, "discussion.moderate", row.course)) return null;
  if (lock) {
    // Apart from the join: the outer join's nullable side cannot be locked.
    await db.select({ id: discussionThreads.id }).from(discussionThreads).where(eq(discussionThreads.id, threadId)).for("update");
  }
  return row;
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
