import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import { digestHour } from "./config";
import { digestMail } from "./render";
import { claimLeaseMs, closeInterruptedSends } from "./send-pending";
import { at } from "./sql-time";
import type { MailTransport } from "./transport";

/**
 * When today's digest may go out: today (UTC) at DIGEST_HOUR. The rule: one
 * digest per user per UTC day, sent by the first round at or after that hour,
 * and never when last_digest_at already falls on or after it.
 */
export function digestWindowStart(now: Date, hour = digestHour()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

interface ClaimedDigest {
  user: { email: string; name: string | null };
  ids: number[];
  items: { id: number; title: string; message: string; link: string }[];
  previousDigestAt: string | null;
}

const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * Claims one user's digest in one transaction: lock the user's settings row
 * (SKIP LOCKED: another worker already has this user), gather the waiting
 * items, mark them `sending` (counting the attempt) and record today's
 * last_digest_at, committed before anything is sent. A second run finds
 * nothing to claim, and a crash mid-send leaves the items `sending`, closed
 * later as interrupted (closeInterruptedSends), never sent twice.
 */
async function claimDigestOf(db: Database, userId: string, now: Date, windowStart: Date): Promise<ClaimedDigest | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO notification_settings (user_id) VALUES (${userId}) ON CONFLICT (user_id) DO NOTHING`);
    const [user] = rowsOf<{ email: string; name: string | null; usable: boolean; last_digest_at: string | null }>(
      await tx.execute(sql`
        SELECT u.email, u.display_name AS name, (u.is_active AND u.anonymized_at IS NULL) AS usable,
          to_json(s.last_digest_at) #>> '{}' AS last_digest_at
        FROM notification_settings s JOIN users u ON u.id = s.user_id
        WHERE s.user_id = ${userId}
          AND (s.last_digest_at IS NULL OR s.last_digest_at < ${at(windowStart)})
        FOR UPDATE OF s SKIP LOCKED`),
    );
    if (!user) return null;
    // Items of a type the user has since turned email off for (an unsubscribe link) stay out, with the reason.
    await tx.execute(sql`
      UPDATE email_deliveries d SET status = 'failed', last_error = 'Not sent: the recipient turned off email for this kind of notification.'
      FROM notification_preferences p
      WHERE d.user_id = ${userId} AND d.status = 'digest' AND p.user_id = d.user_id AND p.type = d.type AND NOT p.email`);
    const items = rowsOf<{ id: number; title: string; message: string; link: string }>(
      await tx.execute(sql`
        SELECT id, title, message, link FROM email_deliveries
        WHERE user_id = ${userId} AND status = 'digest' AND next_attempt_at <= ${at(now)}
        ORDER BY created_at, id
        FOR UPDATE`),
    );
    if (items.length === 0) return null;
    const ids = items.map((item) => item.id);
    if (!user.usable) {
      // Same reason as for single emails: deactivated or anonymised accounts get no mail.
      await tx.execute(sql`
        UPDATE email_deliveries SET status = 'failed', last_error = 'Not sent: the recipient''s account is deactivated or anonymised.'
        WHERE id IN (${idList(ids)})`);
      return null;
    }
    await tx.execute(sql`
      UPDATE email_deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = ${at(new Date(now.getTime() + claimLeaseMs))}
      WHERE id IN (${idList(ids)})`);
    await tx.execute(sql`UPDATE notification_settings SET last_digest_at = ${at(now)} WHERE user_id = ${userId}`);
    return { user: { email: user.email, name: user.name }, ids, items, previousDigestAt: user.last_digest_at };
  });
}

/**
 * One user's digest: claim it, send one email, mark the items sent. A failed
 * send puts the items back with backoff (attempts, last error, next attempt)
 * and gives back today's digest, so a later round tries again.
 */
async function sendDigestOf(db: Database, userId: string, now: Date, windowStart: Date, transport: MailTransport): Promise<number> {
  const claimed = await claimDigestOf(db, userId, now, windowStart);
  if (!claimed) return 0;
  const ids = idList(claimed.ids);
  let messageId: string;
  try {
    ({ messageId } = await transport.send(digestMail({ id: userId, ...claimed.user }, claimed.items)));
  } catch (error) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        UPDATE email_deliveries SET
          status = 'digest',
          last_error = ${describe(error)},
          -- The same schedule as retryDelayMs: 1 min, 5, 25, …, at most 6 hours.
          next_attempt_at = ${at(now)} + least(60 * power(5, attempts - 1), 21600) * interval '1 second'
        WHERE id IN (${ids}) AND status = 'sending'`);
      await tx.execute(sql`UPDATE notification_settings SET last_digest_at = ${claimed.previousDigestAt}::timestamptz WHERE user_id = ${userId}`);
    });
    return 0;
  }
  await db.execute(sql`
    UPDATE email_deliveries SET status = 'sent', sent_at = ${at(now)}, last_error = NULL, message_id = ${messageId.slice(0, 300)}
    WHERE id IN (${ids}) AND status = 'sending'`);
  return 1;
}

/**
 * One round of daily digests, for a batch of users with items waiting and no
 * digest yet today. Returns how many digests were sent.
 */
export async function sendDigests(db: Database, now: Date, transport: MailTransport, batchSize = 20): Promise<number> {
  await closeInterruptedSends(db, now);
  const windowStart = digestWindowStart(now);
  if (now < windowStart) return 0;
  const users = rowsOf<{ user_id: string }>(
    await db.execute(sql`
      SELECT DISTINCT d.user_id FROM email_deliveries d
      LEFT JOIN notification_settings s ON s.user_id = d.user_id
      WHERE d.status = 'digest' AND d.next_attempt_at <= ${at(now)}
        AND (s.last_digest_at IS NULL OR s.last_digest_at < ${at(windowStart)})
      LIMIT ${batchSize}`),
  );
  let sent = 0;
  // One broken address does not hold up everyone else's digest.
  for (const { user_id: userId } of users) sent += await sendDigestOf(db, userId, now, windowStart, transport);
  return sent;
}
