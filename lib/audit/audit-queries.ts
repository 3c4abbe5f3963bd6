import "server-only";
import { and, count, desc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { announcements, auditLog, learningTasks, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { escapeLike } from "@/lib/users/person-search";
import { actionFilter, auditPageSize, dayRange, type AuditQuery } from "./audit-params";

export interface AuditLogRow {
  id: number;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Null for the system and for sign-ins of unknown accounts (or an actor since deleted). */
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  /** The target user's email, when the entry is about a user: its link on the users page searches for it. */
  targetUserEmail: string | null;
  /** The course of the target task or announcement (null once deleted): their links need it. */
  targetCourseId: string | null;
  targetTaskType: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  total: number;
  /** Every action that occurs in the log, for the filter's select. */
  actions: string[];
}

const actorUser = alias(users, "actor_user");
const targetUser = alias(users, "target_user");

function conditions(query: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (query.actor) {
    const pattern = `%${escapeLike(query.actor)}%`;
    parts.push(
      sql`(${actorUser.displayName} ILIKE ${pattern} OR ${actorUser.username} ILIKE ${pattern} OR ${actorUser.email} ILIKE ${pattern})`,
    );
  }
  const action = actionFilter(query.action);
  if (action && "exact" in action) parts.push(eq(auditLog.action, action.exact));
  if (action && "prefix" in action) parts.push(like(auditLog.action, `${escapeLike(action.prefix)}%`));
  const { start, end } = dayRange(query);
  if (start) parts.push(gte(auditLog.createdAt, start));
  if (end) parts.push(lt(auditLog.createdAt, end));
  return and(...parts);
}

/**
 * One page of the audit log, newest first, filtered by actor, action and day
 * range; null for anyone but an admin. Three statements, however long the log:
 * the actions that occur, the count, the page.
 */
export async function loadAuditLog(db: DbOrTx, actor: Actor, query: AuditQuery): Promise<AuditLogPage | null> {
  if (!can(actor, "auditLog.view")) return null;
  const where = conditions(query);
  // One after the other, not in parallel: the caller may pass a transaction (one connection).
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  const [counted] = await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorId))
    .where(where);
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`coalesce(${actorUser.displayName}, ${actorUser.username})`,
      actorEmail: actorUser.email,
      targetUserEmail: targetUser.email,
      targetCourseId: sql<string | null>`coalesce(${learningTasks.courseId}, ${announcements.courseId})`,
      targetTaskType: learningTasks.type,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorId))
    // entity_id is text (ids of every kind); compare as text so a non-uuid id never fails a cast.
    .leftJoin(targetUser, and(eq(auditLog.entityType, "user"), sql`${targetUser.id}::text = ${auditLog.entityId}`))
    .leftJoin(learningTasks, and(eq(auditLog.entityType, "learning_task"), sql`${learningTasks.id}::text = ${auditLog.entityId}`))
    .leftJoin(announcements, and(eq(auditLog.entityType, "announcement"), sql`${announcements.id}::text = ${auditLog.entityId}`))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(auditPageSize)
    .offset((query.page - 1) * auditPageSize);
  return { rows, total: counted?.total ?? 0, actions: actions.map((row) => row.action) };
}
