import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { pageCountOf } from "@/lib/pagination";
import { matchesPerson, personName } from "@/lib/users/person-search";
import { userPageSize, type UserSort, type UserStatus, type UserTableQuery } from "./user-params";

/** One account as the users table shows it: no hash, the status already worked out. */
export interface UserTableRow {
  id: string;
  name: string;
  username: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export interface UserTablePage {
  rows: UserTableRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The account's status, decided in SQL so the password hash never leaves the
 * database: an invitation not yet accepted is marked by a hash starting with
 * "!invited" (no password can produce it).
 */
export const userStatusSql = sql<UserStatus>`CASE
  WHEN ${users.anonymizedAt} IS NOT NULL THEN 'anonymised'
  WHEN NOT ${users.isActive} THEN 'deactivated'
  WHEN ${users.passwordHash} LIKE '!invited%' THEN 'invited'
  ELSE 'active' END`;

const sortKeys: Record<UserSort, SQL> = {
  name: sql`lower(${personName})`,
  email: sql`lower(${users.email})`,
  role: sql`${users.role}`,
  joined: sql`${users.createdAt}`,
  lastSignIn: sql`${users.lastSignInAt}`,
};

function orderBy(query: UserTableQuery): SQL[] {
  const key = sortKeys[query.sort];
  // Accounts that never signed in come last whichever way the column sorts.
  const primary = query.sort === "lastSignIn" ? sql`${key} ${sql.raw(query.dir === "asc" ? "ASC" : "DESC")} NULLS LAST` : query.dir === "asc" ? asc(key) : desc(key);
  return [primary, asc(users.id)];
}

function whereOf(query: UserTableQuery): SQL | undefined {
  const { q, role, status } = query.filters;
  return and(matchesPerson(q), role ? eq(users.role, role) : undefined, status ? sql`${userStatusSql} = ${status}` : undefined);
}

/**
 * One page of every account, searched, filtered and sorted on the server for
 * an admin (null for anyone else). Two statements whatever the page: the
 * count, then the page (a page past the end shows the last one).
 */
export async function loadUserTablePage(db: DbOrTx, actor: Actor, query: UserTableQuery): Promise<UserTablePage | null> {
  if (!can(actor, "user.list")) return null;
  const where = whereOf(query);
  const [counted] = await db.select({ total: count() }).from(users).where(where);
  const total = Number(counted?.total ?? 0);
  const pageCount = pageCountOf(total, userPageSize);
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select({
      id: users.id,
      name: personName,
      username: users.username,
      email: users.email,
      role: users.role,
      status: userStatusSql,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(where)
    .orderBy(...orderBy(query))
    .limit(userPageSize)
    .offset((page - 1) * userPageSize);
  return { rows, total, page, pageCount };
}

export interface AnonymiseTarget {
  id: string;
  name: string;
  username: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  /** The admin's own account: erasure refused (see the policy). */
  isSelf: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account an admin is about to anonymise; null when not an admin or no such account. One statement. */
export async function loadAnonymiseTarget(db: DbOrTx, actor: Actor, userId: string): Promise<AnonymiseTarget | null> {
  if (!can(actor, "user.list") || !uuidPattern.test(userId)) return null;
  const [row] = await db
    .select({ id: users.id, name: personName, username: users.username, email: users.email, role: users.role, status: userStatusSql })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { ...row, isSelf: row.id === actor.id } : null;
}

/** The user whose two-step verification an admin may reset, or null (a miss reads as not found). */
export async function loadMfaResetTarget(db: DbOrTx, actor: Actor, userId: string) {
  if (!can(actor, "user.list") || !uuidPattern.test(userId)) return null;
  const [row] = await db
    .select({ id: users.id, name: personName, username: users.username, email: users.email, role: users.role, status: userStatusSql })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { ...row, isSelf: row.id === actor.id } : null;
}
