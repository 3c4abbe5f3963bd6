import { and, desc, eq, gt, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, users, userSessions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { sessionConfig, type SessionConfig } from "./config";

// The server-side record of every signed-in browser: created at sign-in,
// checked on every request, ended by sign-out, "sign out on all devices", a
// password change or reset, deactivation and an admin.

/** last_seen_at is written at most this often, so a busy session is not a write per request. */
export const touchIntervalMs = 60_000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isSessionId = (value: unknown): value is string => typeof value === "string" && uuidPattern.test(value);

interface Clock {
  now?: Date;
  config?: SessionConfig;
}

/** A session still counts: not ended, not past its lifetime, used within the idle timeout. */
function liveAt(now: Date, config: SessionConfig): SQL {
  const idle = config.idleTimeoutMs === null ? undefined : gt(userSessions.lastSeenAt, new Date(now.getTime() - config.idleTimeoutMs));
  return and(isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now), idle)!;
}

/** Opens a session for a user who just proved who it is; returns its id for the cookie. */
export async function startSession(
  db: DbOrTx,
  { userId, ip, userAgent }: { userId: string; ip: string | null; userAgent: string | null },
  { now = new Date(), config = sessionConfig() }: Clock = {},
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.maxAgeMs),
      ip: ip?.slice(0, 100) || null,
      userAgent: userAgent?.slice(0, 300) || null,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

export interface LoadedSession {
  sessionId: string;
  user: CurrentUser;
  /** For the header's bell: read here so a signed-in page's shell costs one statement. */
  unreadNotifications: number;
}

/**
 * The session's user as stored now, in one statement (session JOIN user):
 * nobody for an unknown, ended, expired or idle session or an inactive user.
 * A session last seen over a minute ago is touched with a conditional UPDATE,
 * so most requests read only.
 */
export async function loadSession(
  db: DbOrTx,
  sessionId: unknown,
  { now = new Date(), config = sessionConfig() }: Clock = {},
): Promise<LoadedSession | null> {
  if (!isSessionId(sessionId)) return null;
  const [row] = await db
    .select({
      lastSeenAt: userSessions.lastSeenAt,
      id: users.id,
      email: users.email,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      gradeLevel: users.gradeLevel,
      // The partial index notifications_unread_idx answers this from the index alone.
      unreadNotifications: sql<number>`(
        SELECT count(*)::int FROM ${notifications} WHERE ${notifications.userId} = ${users.id} AND ${notifications.readAt} IS NULL)`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), liveAt(now, config), eq(users.isActive, true), isNull(users.anonymizedAt)))
    .limit(1);
  if (!row) return null;
  const { lastSeenAt, unreadNotifications, ...user } = row;
  if (now.getTime() - lastSeenAt.getTime() >= touchIntervalMs) {
    const staleBefore = new Date(now.getTime() - touchIntervalMs);
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, staleBefore)));
  }
  return { sessionId, user, unreadNotifications };
}

/** Whether an open stream's session still counts (checked between events). */
export async function isSessionLive(db: DbOrTx, sessionId: string, { now = new Date(), config = sessionConfig() }: Clock = {}) {
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), liveAt(now, config), eq(users.isActive, true)))
    .limit(1);
  return row !== undefined;
}

/** Ends one session of the user; false when it is not the user's or already over. */
export async function endSession(db: DbOrTx, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)))
    .returning({ id: userSessions.id });
  return ended.length > 0;
}

/**
 * Ends the session a sign-out cookie names, whoever it belongs to: holding the
 * (encrypted, signed) cookie is the proof. Works for an already idle session too.
 */
export async function endSessionById(db: DbOrTx, sessionId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of the user, or every one but `exceptSessionId`; returns how many ended. */
export async function endUserSessions(
  db: DbOrTx,
  userId: string,
  { exceptSessionId, now = new Date() }: { exceptSessionId?: string | null; now?: Date } = {},
): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, now),
        exceptSessionId ? ne(userSessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return ended.length;
}

export interface SessionListItem {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** The user's sessions that still count, most recently used first. */
export async function listLiveSessions(
  db: DbOrTx,
  userId: string,
  { now = new Date(), config = sessionConfig() }: Clock = {},
): Promise<SessionListItem[]> {
  return db
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), liveAt(now, config)))
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.createdAt));
}

/** Rows ended or expired over a day ago are of no further use; the worker clears them. Returns how many went. */
export async function deleteOldSessions(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 86_400_000);
  const gone = await db
    .delete(userSessions)
    .where(or(lt(userSessions.expiresAt, before), lt(userSessions.revokedAt, before)))
    .returning({ id: userSessions.id });
  return gone.length;
}

