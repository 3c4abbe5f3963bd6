import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { discussionThreads } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireThread, type ThreadInCourse } from "./access";

export interface ModeratedThread {
  threadId: string;
  courseSlug: string;
}

async function requireModeratedThread(tx: DbOrTx, actor: Actor, threadId: string): Promise<ThreadInCourse> {
  const found = await requireThread(tx, actor, threadId, { lock: true });
  if (!found.moderator) fail("Only its section's teachers, the course's teacher and admins moderate this thread.");
  return found;
}

/** Pinned threads head the list. Pinning does not count as activity. */
export async function setThreadPinned(tx: DbOrTx, actor: Actor, input: { threadId: string; pinned: boolean }): Promise<ModeratedThread> {
  const { thread, course } = await requireModeratedThread(tx, actor, input.threadId);
  await tx.update(discussionThreads).set({ pinned: input.pinned }).where(eq(discussionThreads.id, thread.id));
  return { threadId: thread.id, courseSlug: course.slug };
}

/** A locked thread stays readable and takes replies from moderators only. */
export async function setThreadLocked(tx: DbOrTx, actor: Actor, input: { threadId: string; locked: boolean }): Promise<ModeratedThread> {
  const { thread, course } = await requireModeratedThread(tx, actor, input.threadId);
  await tx.update(discussionThreads).set({ locked: input.locked }).where(eq(discussionThreads.id, thread.id));
  return { threadId: thread.id, courseSlug: course.slug };
}

/** Removes a whole thread: hidden from the list, not found for non-moderators; audited. */
export async function removeThread(tx: DbOrTx, actor: Actor, threadId: string, now: Date = new Date()): Promise<ModeratedThread> {
  const { thread, course } = await requireModeratedThread(tx, actor, threadId);
  if (!thread.removedAt) {
    await tx.update(discussionThreads).set({ removedAt: now }).where(eq(discussionThreads.id, thread.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "discussion.thread_removed",
      entityType: "discussion_thread",
      entityId: thread.id,
      before: { courseId: course.id, authorId: thread.authorId, title: thread.title },
    });
  }
  return { threadId: thread.id, courseSlug: course.slug };
}
