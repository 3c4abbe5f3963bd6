import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { discussionPosts, discussionThreads, lessons, modules, threadFollows } from "@/db/schema";
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
 * Opens a thread in a course (optionally about one of its lessons) with its
 * first post. The author follows it, so it hears of the replies.
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
  const [thread] = await tx
    .insert(discussionThreads)
    .values({
      courseId: course.id,
      lessonId: input.lessonId ?? null,
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
