import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";

export interface SiteCounts {
  students: number;
  teachers: number;
  admins: number;
  /** Deactivated accounts an admin may still reactivate (anonymised ones are counted apart). */
  inactiveUsers: number;
  anonymisedUsers: number;
  publishedCourses: number;
  draftCourses: number;
  archivedCourses: number;
  activeEnrollments: number;
  completedEnrollments: number;
}

/** Site-wide counts for the admin dashboard, aggregated in one statement. */
export async function getSiteCounts(db: DbOrTx, actor: Actor): Promise<SiteCounts | null> {
  if (!can(actor, "area.admin")) return null;
  const [row] = await db
    .execute(sql`
    SELECT
      (SELECT count(*)::int FROM users WHERE role = 'student' AND is_active) AS "students",
      (SELECT count(*)::int FROM users WHERE role = 'teacher' AND is_active) AS "teachers",
      (SELECT count(*)::int FROM users WHERE role = 'admin' AND is_active) AS "admins",
      (SELECT count(*)::int FROM users WHERE NOT is_active AND anonymized_at IS NULL) AS "inactiveUsers",
      (SELECT count(*)::int FROM users WHERE anonymized_at IS NOT NULL) AS "anonymisedUsers",
      (SELECT count(*)::int FROM courses WHERE status = 'published') AS "publishedCourses",
      (SELECT count(*)::int FROM courses WHERE status = 'draft') AS "draftCourses",
      (SELECT count(*)::int FROM courses WHERE status = 'archived') AS "archivedCourses",
      (SELECT count(*)::int FROM enrollments WHERE status = 'active') AS "activeEnrollments",
      (SELECT count(*)::int FROM enrollments WHERE status = 'completed') AS "completedEnrollments"
  `).then((result) => rowsOf<SiteCounts>(result));
  return row ?? null;
}

export interface RecentAuditRow {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  ip: string | null;
  createdAt: Date;
}

/** The latest audit entries with the actor's name, for the admin dashboard. One statement. */
export async function listRecentAudit(db: DbOrTx, actor: Actor, limit = 10): Promise<RecentAuditRow[]> {
  if (!can(actor, "auditLog.view")) return [];
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      actorName: sql<string | null>`coalesce(${users.displayName}, ${users.username})`,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
