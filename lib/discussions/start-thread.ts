import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { courseSections, discussionPosts, discussionThreads, lessons, modules, threadFollows } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { discussionNotFoundMessage, loadCourseForDiscussion } from "./access";
import type { startThreadSchema } from "./schemas";

export interface StartedThread {
  threadId: string;
  postId: string;
  courseSlug: string;
}

/**
 * Opens a thread in a course (optionally about one of its lessons, and
 * optionally for one of its sections) with its first post. The author
 * follows it, so it hears of the replies. A section's thread is started by
 * the course's teacher or an admin (any section), a section teacher (its
 * sections, and only those) or a student (a section it sits in).
 */
export async function startThread(
  tx: DbOrTx,
  actor: Actor,
  input: z.output<typeof startThreadSchema>,
  now: Date = new Date(),
): Promise<StartedThread> {
  const course = await loadCourseForDiscussion(tx, actor, input.courseId);
  if (!course) fail(discussionNotFoundMessage);
  if (!can(actor, "discussion.post", course)) fail("This course's discussions take no new posts.");
  if (input.lessonId) {
    const [lesson] = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(and(eq(lessons.id, input.lessonId), eq(modules.courseId, course.id)));
    if (!lesson) fail("Choose a lesson of this course.", { lessonId: ["Choose a lesson of this course."] });
  }
  const sectionId = await threadSection(tx, actor, course, input.sectionId ?? null);
  const [thread] = await tx
    .insert(discussionThreads)
    .values({
      courseId: course.id,
      lessonId: input.lessonId ?? null,
      sectionId,
      authorId: actor.id,
      title: input.title,
      postCount: 1,
      lastActivityAt: now,
      createdAt: now,
    })
    .returning({ id: discussionThreads.id });
  const [post] = await tx
    .insert(discussionPosts)
    .values({ threadId: thread!.id, authorId: actor.id, body: input.body, createdAt: now })
    .returning({ id: discussionPosts.id });
  await tx.insert(threadFollows).values({ threadId: thread!.id, userId: actor.id }).onConflictDoNothing();
  return { threadId: thread!.id, postId: post!.id, courseSlug: course.slug };
}

const sectionMessage = "Choose a section of this course that you belong to.";

/** The section a new thread is for, checked against who starts it (none: the whole course). One statement when a section is named. */
async function threadSection(
  tx: DbOrTx,
  actor: Actor,
  course: { id: string; teacherId: string },
  sectionId: string | null,
): Promise<string | null> {
  const staff = actor.role === "admin" || actor.id === course.teacherId;
  if (!sectionId) {
    if (!staff && actor.role === "teacher") fail("Choose one of the sections you teach.", { sectionId: ["Choose one of the sections you teach."] });
    return null;
  }
  const belongs = staff
    ? undefined
    : actor.role === "teacher"
      ? sql`EXISTS (SELECT 1 FROM section_teachers st_t WHERE st_t.section_id = ${courseSections.id} AND st_t.user_id = ${actor.id}::uuid)`
      : sql`EXISTS (SELECT 1 FROM section_members sm_t WHERE sm_t.section_id = ${courseSections.id} AND sm_t.user_id = ${actor.id}::uuid)`;
  const [section] = await tx
    .select({ id: courseSections.id })
    .from(courseSections)
    .where(and(eq(courseSections.id, sectionId), eq(courseSections.courseId, course.id), belongs));
  if (!section) fail(sectionMessage, { sectionId: [sectionMessage] });
  return section.id;
}
