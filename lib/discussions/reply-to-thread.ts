import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { discussionPosts, discussionThreads, threadFollows } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { requireThread, threadLockedMessage } from "./access";
import type { replySchema } from "./schemas";

export interface PostedReply {
  threadId: string;
  postId: string;
  courseSlug: string;
}

/**
 * Adds a reply to a thread. A locked thread takes replies from moderators only
 * (the teacher may close it with a last word); a removed one from nobody. The
 * replier starts following the thread, as forums do: whoever joins a
 * conversation wants to hear its answers. Followers are told by the worker
 * (the discussion.replied event), never in the request.
 */
export async function replyToThread(
  tx: DbOrTx,
  actor: Actor,
  input: z.output<typeof replySchema>,
  now: Date = new Date(),
): Promise<PostedReply> {
  const { thread, course, moderator } = await requireThread(tx, actor, input.threadId, { lock: true });
  if (!can(actor, "discussion.post", course)) fail("This course's discussions take no new posts.");
  if (thread.removedAt || (thread.locked && !moderator)) fail(threadLockedMessage);

  const [post] = await tx
    .insert(discussionPosts)
    .values({ threadId: thread.id, authorId: actor.id, body: input.body, createdAt: now })
    .returning({ id: discussionPosts.id });
  await tx
    .update(discussionThreads)
    .set({ postCount: sql`${discussionThreads.postCount} + 1`, lastActivityAt: now })
    .where(eq(discussionThreads.id, thread.id));
  await tx.insert(threadFollows).values({ threadId: thread.id, userId: actor.id }).onConflictDoNothing();
  await publish(
    tx,
    { type: "discussion.replied", aggregateId: thread.id, payload: { postId: post!.id, threadId: thread.id, courseId: course.id } },
    actor.id,
  );
  return { threadId: thread.id, postId: post!.id, courseSlug: course.slug };
}
