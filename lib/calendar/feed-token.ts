import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarFeeds, users } from "@/db/schema";
import { missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session-user";
import { absoluteUrl } from "@/lib/site/config";

// A user's private calendar address: /api/calendar/feed/<token>.ics, which a
// calendar app fetches with no cookie. The token is 32 random bytes; only its
// SHA-256 is stored, so the address is shown once, when it is made. Making a
// new one replaces the old (which stops working at once) and revoking deletes it.

/** Every feed token starts with this, so secret scanners and people can recognise one. */
export const feedTokenPrefix = "jvc_";
const feedTokenPattern = /^jvc_[A-Za-z0-9_-]{43}$/;

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The feed's address for a token: https for calendar apps that take a link, webcal for those that open one. */
export function feedUrlsOf(token: string): { url: string; webcalUrl: string } {
  const url = absoluteUrl(`/api/calendar/feed/${token}.ics`);
  return { url, webcalUrl: url.replace(/^https?:\/\//, "webcal://") };
}

export interface CalendarFeedView {
  createdAt: Date;
  /** When a calendar app last fetched it, to a few minutes; null before the first fetch. */
  lastFetchedAt: Date | null;
}

export interface CreatedCalendarFeed extends CalendarFeedView {
  /** The token itself: in the answer once, never stored. */
  token: string;
  url: string;
  webcalUrl: string;
  /** An earlier address was replaced (and stopped working). */
  replaced: boolean;
}

export interface FeedChangeContext {
  now?: Date;
  ip?: string | null;
}

/** The actor's feed, if it has one (never its token, which is not kept). */
export async function loadCalendarFeed(db: DbOrTx, actor: Actor): Promise<CalendarFeedView | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, actor.id));
  return row ?? null;
}

/**
 * Makes the actor's feed address, or a new one in place of the old, which
 * stops working at once. Audited (whether it replaced one), never the token.
 */
export async function createCalendarFeed(tx: DbOrTx, actor: Actor, { now = new Date(), ip = null }: FeedChangeContext = {}): Promise<CreatedCalendarFeed> {
  const [existing] = await tx.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id)).for("update");
  const token = feedTokenPrefix + randomBytes(32).toString("base64url");
  const values = { tokenHash: hashFeedToken(token), createdAt: now, lastFetchedAt: null };
  await tx
    .insert(calendarFeeds)
    .values({ userId: actor.id, ...values })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: values });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "calendar_feed.created",
    entityType: "user",
    entityId: actor.id,
    after: { replaced: existing !== undefined },
    ip,
  });
  return { token, ...feedUrlsOf(token), createdAt: now, lastFetchedAt: null, replaced: existing !== undefined };
}

/** Deletes the actor's feed: its address answers 404 from the next fetch. Audited; no feed reads as missing. */
export async function revokeCalendarFeed(tx: DbOrTx, actor: Actor, { now = new Date(), ip = null }: FeedChangeContext = {}): Promise<{ revokedAt: Date }> {
  const [row] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id)).returning({ createdAt: calendarFeeds.createdAt });
  if (!row) missing("You have no calendar feed to revoke.");
  await recordAudit(tx, {
    actorId: actor.id,
    action: "calendar_feed.revoked",
    entityType: "user",
    entityId: actor.id,
    before: { createdAt: row.createdAt.toISOString() },
    ip,
  });
  return { revokedAt: now };
}

export interface FeedReader extends CurrentUser {
  /** The zone the user chose in settings, for the calendar's X-WR-TIMEZONE; null to leave it to the app. */
  timeZone: string | null;
}

/** A fetch is noted at most this often: a calendar app polling every minute writes no row each time. */
export const fetchNoteIntervalMs = 5 * 60 * 1000;

/**
 * The user a feed token stands for, as stored now, or null when the token is
 * malformed, unknown, replaced or revoked, or its user deactivated. Notes the
 * fetch (at most every five minutes). One statement, two when it notes.
 */
export async function feedReaderOf(db: DbOrTx, token: string, now = new Date()): Promise<FeedReader | null> {
  if (!feedTokenPattern.test(token)) return null;
  const tokenHash = hashFeedToken(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      gradeLevel: users.gradeLevel,
      timeZone: users.timeZone,
      lastFetchedAt: calendarFeeds.lastFetchedAt,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.isActive, true)));
  if (!row) return null;
  const { lastFetchedAt, ...reader } = row;
  if (!lastFetchedAt || now.getTime() - lastFetchedAt.getTime() >= fetchNoteIntervalMs) {
    const staleBefore = new Date(now.getTime() - fetchNoteIntervalMs);
    await db
      .update(calendarFeeds)
      .set({ lastFetchedAt: now })
      .where(and(eq(calendarFeeds.tokenHash, tokenHash), or(isNull(calendarFeeds.lastFetchedAt), lte(calendarFeeds.lastFetchedAt, staleBefore))));
  }
  return reader;
}
