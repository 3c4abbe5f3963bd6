import { sql, type SQL } from "drizzle-orm";
import type { DomainEventRow } from "@/db/schema";
import type { Transaction } from "@/db";
import { defaultPreference } from "./types";

/**
 * Delivers one event to a set of recipients in a single statement, however
 * many there are. `recipients` is a SELECT yielding (user_id, title, message,
 * link). The statement
 * - drops the actor (nobody hears of their own action) and inactive accounts,
 * - reads each recipient's preference for the event's type (no row: both),
 * - writes the in-app rows and queues the email rows (`digest` for users who
 *   gather email into a daily digest, otherwise `pending`).
 * (user, event) is unique on both tables, so a retried event tells nobody twice.
 */
export async function deliver(tx: Transaction, event: DomainEventRow, recipients: SQL): Promise<void> {
  await tx.execute(sql`
    WITH recipients AS (${recipients}),
    chosen AS (
      SELECT DISTINCT ON (r.user_id) r.user_id, r.title, r.message, r.link,
        coalesce(p.in_app, ${defaultPreference.inApp}) AS in_app,
        coalesce(p.email, ${defaultPreference.email}) AS email,
        coalesce(s.email_digest, false) AS digest
      FROM recipients r
      JOIN users u ON u.id = r.user_id AND u.is_active AND u.anonymized_at IS NULL
      LEFT JOIN notification_preferences p ON p.user_id = r.user_id AND p.type = ${event.type}
      LEFT JOIN notification_settings s ON s.user_id = r.user_id
      WHERE r.user_id IS DISTINCT FROM ${event.actorId}::uuid
    ),
    in_app AS (
      INSERT INTO notifications (user_id, type, title, message, link, event_id)
      SELECT user_id, ${event.type}, left(title, 300), message, left(link, 500), ${event.id}::bigint FROM chosen WHERE in_app
      ON CONFLICT (user_id, event_id) DO NOTHING
      RETURNING user_id
    )
    INSERT INTO email_deliveries (user_id, event_id, type, title, message, link, status)
    SELECT user_id, ${event.id}::bigint, ${event.type}, left(title, 300), message, left(link, 500),
      CASE WHEN digest THEN 'digest' ELSE 'pending' END
    FROM chosen WHERE email
    ON CONFLICT (user_id, event_id) DO NOTHING`);
}
