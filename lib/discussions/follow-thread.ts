import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { threadFollows } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { requireThread } from "./access";

/** Anyone who may read a thread may follow it (hear of its replies) or stop. */
export async function setFollowing(
  tx: DbOrTx,
  actor: Actor,
  input: { threadId: string; following: boolean },
): Promise<{ threadId: string; courseSlug: string; following: boolean }> {
  const { thread, course } = await requireThread(tx, actor, input.threadId);
  if (input.following) {
    await tx.insert(threadFollows).values({ threadId: thread.id, userId: actor.id }).onConflictDoNothing();
  } else {
    await tx.delete(threadFollows).where(and(eq(threadFollows.threadId, thread.id), eq(threadFollows.userId, actor.id)));
  }
  return { threadId: thread.id, courseSlug: course.slug, following: input.following };
}
