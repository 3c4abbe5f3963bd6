import { sql } from "drizzle-orm";
import type { EventHandler } from "@/lib/events/process-events";
import { deliver } from "./deliver";

/**
 * A copy, restore or import that ran in the background has finished: whoever
 * asked for it hears whether the new course is there, with a link to the
 * transfer's page (its report, or why it failed).
 */
export const courseTransferFinished: EventHandler = (event, tx) => {
  const payload = event.payload as Record<string, unknown>;
  const transferId = typeof payload.transferId === "string" ? payload.transferId : "";
  return deliver(
    tx,
    event,
    sql`SELECT tr.requested_by AS user_id,
        CASE WHEN tr.status = 'done'
          THEN CASE tr.kind WHEN 'copy' THEN 'Course copied: ' WHEN 'restore' THEN 'Course restored: ' ELSE 'Course imported: ' END || coalesce(c.title, tr.label)
          ELSE CASE tr.kind WHEN 'copy' THEN 'Course copy failed: ' WHEN 'restore' THEN 'Course restore failed: ' ELSE 'Course import failed: ' END || tr.label
        END AS title,
        CASE WHEN tr.status = 'done'
          THEN 'The new draft course is ready' || CASE WHEN jsonb_array_length(tr.notes) > 0 THEN '; ' || jsonb_array_length(tr.notes) || ' note(s) in its report.' ELSE '.' END
          ELSE coalesce(tr.error, 'Nothing was saved.')
        END AS message,
        '/teacher/transfers/' || tr.id AS link
      FROM course_transfers tr
      LEFT JOIN courses c ON c.id = tr.course_id
      WHERE tr.id = ${transferId}::uuid AND tr.status IN ('done', 'failed')`,
  );
};
