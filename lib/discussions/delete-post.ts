import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { discussionPosts } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePost } from "./access";
import type { ChangedPost } from "./edit-post";

/**
 * Deletes a post softly: the row keeps its place in the thread and reads
 * "post removed"; its body is never sent again. Its author may delete it (even
 * in a locked thread: one may always take back one's words); a moderator may
 * remove anyone's, and that removal is audited.
 */
export async function deletePost(tx: DbOrTx, actor: Actor, postId: string, now: Date = new Date()): Promise<ChangedPost> {
  const { post, thread, course, moderator } = await requirePost(tx, actor, postId);
  const own = can(actor, "post.edit", post);
  if (!own && !moderator) fail("You can delete only your own posts.");
  if (!post.deletedAt) {
    await tx.update(discussionPosts).set({ deletedAt: now, deletedBy: actor.id }).where(eq(discussionPosts.id, post.id));
    if (!own) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "discussion.post_removed",
        entityType: "discussion_post",
        entityId: post.id,
        before: { threadId: thread.id, authorId: post.authorId, body: post.body },
      });
    }
  }
  return { threadId: thread.id, postId: post.id, courseSlug: course.slug };
}
