import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import type { NotificationSignal } from "./signal";

/**
 * The unread counts of those of `userIds` a signal concerns, in one statement
 * however many users are connected. For delivered events, only the users who
 * received one of them are read (the others' counts cannot have changed).
 */
export async function unreadCountsFor(db: DbOrTx, userIds: string[], signal: NotificationSignal): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (userIds.length === 0 || ("events" in signal && signal.events.length === 0)) return counts;
  const ids = sql`ARRAY[${sql.join(
    userIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const affected =
    "events" in signal
      ? sql`AND EXISTS (SELECT 1 FROM notifications x WHERE x.user_id = c.id AND x.event_id IN (${sql.join(
          signal.events.map((id) => sql`${id}::bigint`),
          sql`, `,
        )}))`
      : sql``;
  const rows = rowsOf<{ user_id: string; unread: number }>(
    await db.execute(sql`
      SELECT c.id AS user_id,
        (SELECT count(*)::int FROM notifications n WHERE n.user_id = c.id AND n.read_at IS NULL) AS unread
      FROM unnest(${ids}) AS c(id)
      WHERE true ${affected}`),
  );
  for (const row of rows) counts.set(row.user_id, Number(row.unread));
  return counts;
}
