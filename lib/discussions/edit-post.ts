import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { discussionPosts } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { requirePost, threadLockedMessage } from "./access";
import type { editPostSchema } from "./schemas";

export interface ChangedPost {
  threadId: string;
  postId: string;
  courseSlug: string;
}

/** Its author rewrites a post; not in a locked thread (unless a moderator), never a removed post. */
export async function editPost(tx: DbOrTx, actor: Actor, input: z.output<typeof editPostSchema>, now: Date = new Date()): Promise<ChangedPost> {
  const { post, thread, course, moderator } = await requirePost(tx, actor, input.postId);
  if (!can(actor, "post.edit", post) || post.deletedAt) fail("You can edit only your own posts.");
  if (!can(actor, "discussion.post", course)) fail("This course's discussions take no new posts.");
  if (thread.removedAt || (thread.locked && !moderator)) fail(threadLockedMessage);
  await tx.update(discussionPosts).set({ body: input.body, editedAt: now }).where(eq(discussionPosts.id, post.id));
  return { threadId: thread.id, postId: post.id, courseSlug: course.slug };
}
