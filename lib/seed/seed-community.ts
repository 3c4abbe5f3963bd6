import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { announcements, users } from "@/db/schema";
import { publish } from "@/lib/events/publish";
import { replyToThread } from "@/lib/discussions/reply-to-thread";
import { startThread } from "@/lib/discussions/start-thread";
import type { DemoAnnouncement, DemoThread } from "./demo-community";

/**
 * The demo announcement: the row and its event in one transaction, exactly as
 * posting one does (the worker tells the students once the site runs).
 */
export async function seedAnnouncement(tx: DbOrTx, demo: DemoAnnouncement, { courseId, teacherId }: { courseId: string; teacherId: string }) {
  const [row] = await tx
    .insert(announcements)
    .values({ courseId, authorId: teacherId, title: demo.title, body: demo.body })
    .returning({ id: announcements.id });
  await publish(tx, { type: "announcement.posted", aggregateId: row!.id, payload: { announcementId: row!.id, courseId } }, teacherId);
}

/** A demo thread through the discussion services, so follows and reply events are what real posts write. */
export async function seedThread(
  tx: DbOrTx,
  demo: DemoThread,
  { courseId, lessonIds, idByEmail }: { courseId: string; lessonIds: string[]; idByEmail: Map<string, string> },
) {
  const [opening, ...replies] = demo.posts;
  const actorOf = async (email: string) => {
    const id = idByEmail.get(email);
    if (!id) return null;
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, id));
    return user ?? null;
  };
  const author = opening && (await actorOf(opening.email));
  if (!opening || !author) return;
  const lessonId = lessonIds[demo.lessonIndex];
  const thread = await startThread(tx, author, { courseId, lessonId, title: demo.title, body: opening.body });
  for (const reply of replies) {
    const replier = await actorOf(reply.email);
    if (replier) await replyToThread(tx, replier, { threadId: thread.threadId, body: reply.body });
  }
}
