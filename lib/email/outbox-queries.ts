import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emailDeliveries, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { pageCountOf } from "@/lib/pagination";

export const outboxPageSize = 25;
export const outboxStatuses = ["pending", "digest", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const isOutboxStatus = (value: unknown): value is OutboxStatus => outboxStatuses.includes(value as OutboxStatus);

export interface OutboxRow {
  id: number;
  recipient: string;
  type: string;
  title: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  messageId: string | null;
}

/** Every queued, sent and failed email, newest first, a page at a time; admins only, one statement. */
export async function listOutbox(db: DbOrTx, actor: Actor, filter: { status?: OutboxStatus; page?: number } = {}) {
  if (!can(actor, "area.admin")) return null;
  const page = Math.max(1, filter.page ?? 1);
  const rows = await db
    .select({
      id: emailDeliveries.id,
      recipient: users.email,
      type: emailDeliveries.type,
      title: emailDeliveries.title,
      status: emailDeliveries.status,
      attempts: emailDeliveries.attempts,
      lastError: emailDeliveries.lastError,
      sentAt: emailDeliveries.sentAt,
      createdAt: emailDeliveries.createdAt,
      messageId: emailDeliveries.messageId,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(emailDeliveries)
    .innerJoin(users, eq(users.id, emailDeliveries.userId))
    .where(and(filter.status ? eq(emailDeliveries.status, filter.status) : undefined))
    .orderBy(desc(emailDeliveries.createdAt), desc(emailDeliveries.id))
    .limit(outboxPageSize)
    .offset((page - 1) * outboxPageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...row }): OutboxRow => row),
    total,
    page,
    pageCount: pageCountOf(total, outboxPageSize),
  };
}
