import "server-only";
import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/policy";
import { pageCountOf } from "@/lib/pagination";

export const notificationsPageSize = 20;

export interface NotificationItem {
  id: number;
  type: string;
  title: string;
  message: string;
  link: string;
  read: boolean;
  createdAt: Date;
}

/** The actor's own notifications, newest first, a page at a time, with the page count. One statement. */
export async function listNotifications(db: DbOrTx, actor: Actor, page = 1) {
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      message: notifications.message,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(notifications)
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(notificationsPageSize)
    .offset((Math.max(1, page) - 1) * notificationsPageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ readAt, total: _total, ...row }): NotificationItem => ({ ...row, read: readAt !== null })),
    total,
    pageCount: pageCountOf(total, notificationsPageSize),
  };
}

// Newest first, as the notifications page lists them; the bigserial id breaks
// ties between notifications made in one transaction (same created time).
const newestFirst: SortKey[] = [
  { expr: notifications.createdAt, direction: "desc", cast: "timestamptz" },
  { expr: notifications.id, direction: "desc", cast: "bigint" },
];

/**
 * The actor's own notifications for the REST API: newest first, one keyset
 * page after a cursor, optionally only unread (or only read) ones. New
 * notifications land before the first page, so paging never skips or repeats
 * one. One statement; `limit + 1` rows say whether a next page exists.
 */
export async function listNotificationsAfter(db: DbOrTx, actor: Actor, params: { unread?: boolean; cursor?: string; limit: number }) {
  return db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      message: notifications.message,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      cursor: cursorColumn(newestFirst),
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.id),
        params.unread === undefined ? undefined : params.unread ? isNull(notifications.readAt) : isNotNull(notifications.readAt),
        afterCursor(newestFirst, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(newestFirst))
    .limit(params.limit + 1);
}

/** How many of the actor's notifications are unread, for the header's badge. One statement. */
export async function unreadCount(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks the given notifications (or, with none given, all) of the actor as read; another user's ids change nothing. */
export async function markRead(db: DbOrTx, actor: Actor, ids?: number[], now = new Date()): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return updated.length;
}
