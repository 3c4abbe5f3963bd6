import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notificationTypes } from "@/lib/notifications/types";
import type { UnsubscribeScope } from "./unsubscribe-token";

/**
 * Turns email off for the scope's type (or every type) of the scope's user,
 * keeping the in-app choice as it was; one statement. Repeating it changes nothing.
 */
export async function unsubscribe(db: DbOrTx, scope: UnsubscribeScope): Promise<void> {
  const types = scope.type === "all" ? notificationTypes.map((t) => t.type) : [scope.type];
  await db.execute(sql`
    INSERT INTO notification_preferences (user_id, type, in_app, email)
    SELECT u.id, t.type, true, false
    FROM users u, (VALUES ${sql.join(
      types.map((type) => sql`(${type})`),
      sql`, `,
    )}) AS t(type)
    WHERE u.id = ${scope.userId}::uuid
    ON CONFLICT (user_id, type) DO UPDATE SET email = false`);
}
