import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { preferenceOf } from "@/lib/notifications/types";
import type { NotificationPreferencesInput } from "./preferences-schema";

/**
 * Stores the actor's own choices: every type in one upsert, and the digest
 * setting. Turning the digest off sends what was waiting for it as separate
 * emails now, rather than leaving it for a digest that is no longer wanted.
 * The caller runs this in one transaction.
 */
export async function saveNotificationPreferences(tx: DbOrTx, actor: Actor, input: NotificationPreferencesInput, now = new Date()): Promise<void> {
  if (input.preferences.length > 0) {
    await tx.execute(sql`
      INSERT INTO notification_preferences (user_id, type, in_app, email)
      VALUES ${sql.join(
        input.preferences.map(({ type, channel }) => {
          const { inApp, email } = preferenceOf(channel);
          return sql`(${actor.id}::uuid, ${type}, ${inApp}, ${email})`;
        }),
        sql`, `,
      )}
      ON CONFLICT (user_id, type) DO UPDATE SET in_app = excluded.in_app, email = excluded.email`);
  }
  await tx.execute(sql`
    INSERT INTO notification_settings (user_id, email_digest) VALUES (${actor.id}::uuid, ${input.digest})
    ON CONFLICT (user_id) DO UPDATE SET email_digest = excluded.email_digest`);
  if (!input.digest) {
    await tx.execute(sql`
      UPDATE email_deliveries SET status = 'pending', next_attempt_at = ${now.toISOString()}::timestamptz
      WHERE user_id = ${actor.id}::uuid AND status = 'digest'`);
  }
}
