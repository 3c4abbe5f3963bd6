import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import { at } from "./sql-time";
import { maxEmailAttempts, retryDelayMs } from "./backoff";
import { isAccountMailType, sentAccountMailLink } from "./account-mail";
import { accountMail, notificationMail } from "./render";
import type { MailTransport } from "./transport";

interface ClaimedRow {
  id: number;
  status: string;
  attempts: number;
  type: string;
  title: string;
  message: string;
  link: string;
  user_id: string;
  email: string;
  name: string | null;
}

/** How long a claimed email may stay `sending`; past it, its worker is taken to have died mid-send. */
export const claimLeaseMs = 5 * 60_000;

const skipped = {
  inactive: "Not sent: the recipient's account is deactivated or anonymised.",
  optedOut: "Not sent: the recipient turned off email for this kind of notification.",
};

export const interruptedMessage =
  "Interrupted while sending (the worker stopped): it may have been delivered, so it is not sent again on its own.";

/**
 * Emails (single or digest items) left `sending` past their lease: the worker
 * died between handing the message over and recording it. Whether it left is
 * unknown, and sending it again could make two, so they are closed as failed
 * with that reason for the admin's outbox instead of being retried. This is
 * what makes a repeated or retried job send an email at most once.
 */
export async function closeInterruptedSends(db: Database, now: Date): Promise<number> {
  const result = await db.execute(sql`
    UPDATE email_deliveries SET status = 'failed', last_error = ${interruptedMessage}
    WHERE status = 'sending' AND next_attempt_at <= ${at(now)}
    RETURNING id`);
  return rowsOf(result).length;
}

/**
 * Claims a small batch of due emails in one statement (FOR UPDATE SKIP LOCKED,
 * so several worker processes share the queue), marking them `sending` and
 * counting the attempt up front, committed before anything is sent: a second
 * run, in this process or another, never takes them again. Rows whose recipient is deactivated or anonymised, or
 * has since turned email off for the type, are closed as failed right there,
 * with the reason: the admin's outbox shows why, and a reactivated account
 * does not receive a backlog of stale mail.
 */
async function claimDue(db: Database, now: Date, limit: number): Promise<ClaimedRow[]> {
  const result = await db.execute(sql`
    WITH due AS (
      SELECT d.id FROM email_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at <= ${at(now)}
      ORDER BY d.next_attempt_at, d.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ),
    judged AS (
      SELECT due.id, u.email, u.display_name,
        CASE WHEN NOT u.is_active OR u.anonymized_at IS NOT NULL THEN ${skipped.inactive}
             WHEN p.email IS FALSE THEN ${skipped.optedOut} END AS skip_reason
      FROM due
      JOIN email_deliveries d ON d.id = due.id
      JOIN users u ON u.id = d.user_id
      LEFT JOIN notification_preferences p ON p.user_id = d.user_id AND p.type = d.type
    )
    UPDATE email_deliveries d SET
      attempts = d.attempts + CASE WHEN j.skip_reason IS NULL THEN 1 ELSE 0 END,
      status = CASE WHEN j.skip_reason IS NULL THEN 'sending' ELSE 'failed' END,
      last_error = coalesce(j.skip_reason, d.last_error),
      next_attempt_at = ${at(new Date(now.getTime() + claimLeaseMs))}
    FROM judged j
    WHERE d.id = j.id
    RETURNING d.id, d.status, d.attempts, d.type, d.title, d.message, d.link, d.user_id, j.email, j.display_name AS name`);
  return rowsOf<ClaimedRow>(result);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/**
 * One round of the email queue: closes sends interrupted by a crash, then
 * sends each claimed email; marks it sent with the transport's message id, or
 * (the transport refused it) records the error and schedules the next try
 * with exponential backoff, failing it for good after `maxEmailAttempts`. The
 * in-app notification is a separate row and is never touched here.
 */
export async function sendPendingEmails(db: Database, now: Date, transport: MailTransport, batchSize = 20): Promise<number> {
  await closeInterruptedSends(db, now);
  const claimed = await claimDue(db, now, batchSize);
  let sent = 0;
  for (const row of claimed) {
    if (row.status !== "sending") continue;
    try {
      const recipient = { id: row.user_id, email: row.email, name: row.name };
      const mail = isAccountMailType(row.type) ? accountMail(recipient, row) : notificationMail(recipient, row);
      const { messageId } = await transport.send(mail);
      // A sent account email's link is a live set-password token: the row keeps no copy of it.
      const link = isAccountMailType(row.type) ? sentAccountMailLink : row.link;
      await db.execute(sql`
        UPDATE email_deliveries SET status = 'sent', sent_at = ${at(now)}, message_id = ${messageId.slice(0, 300)}, last_error = NULL, link = ${link}
        WHERE id = ${row.id} AND status = 'sending'`);
      sent++;
    } catch (error) {
      const giveUp = row.attempts >= maxEmailAttempts;
      await db.execute(sql`
        UPDATE email_deliveries SET
          status = ${giveUp ? "failed" : "pending"},
          last_error = ${describe(error)},
          next_attempt_at = ${at(new Date(now.getTime() + retryDelayMs(row.attempts)))}
        WHERE id = ${row.id} AND status = 'sending'`);
    }
  }
  return sent;
}
