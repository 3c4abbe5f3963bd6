import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import { missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { markRead } from "./queries";
import { signalNotifications } from "./realtime/signal";

// Marking read changes the unread count: the signal (sent on commit) lets the
// user's other tabs and devices update their badge and list.

/** Marks the actor's given notifications, or all of them, as read; another user's ids change nothing. */
export async function markNotificationsRead(tx: DbOrTx, actor: Actor, ids?: number[]): Promise<number> {
  const marked = await markRead(tx, actor, ids);
  if (marked > 0) await signalNotifications(tx, { users: [actor.id] });
  return marked;
}

/** The link of one of the actor's notifications, changing nothing; null when it is not the actor's (or not there). */
export async function notificationLink(db: DbOrTx, actor: Actor, id: number): Promise<string | null> {
  const [row] = await db
    .select({ link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)));
  return row ? row.link : null;
}

/** Opening one: marks it read and answers with its link, or null when it is not the actor's. */
export async function openNotification(tx: DbOrTx, actor: Actor, id: number): Promise<string | null> {
  const link = await notificationLink(tx, actor, id);
  if (link === null) return null;
  await markNotificationsRead(tx, actor, [id]);
  return link;
}

/**
 * Marks one of the actor's notifications read and answers with it as it now
 * is; marking it again keeps its first read time. Another user's reads as missing.
 */
export async function markNotificationRead(tx: DbOrTx, actor: Actor, id: number) {
  await markNotificationsRead(tx, actor, [id]);
  const [row] = await tx
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      message: notifications.message,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)));
  if (!row) missing("This notification does not exist.");
  return row;
}
