import { sql } from "drizzle-orm";
import type { DomainEventRow } from "@/db/schema";
import type { EventHandler, EventHandlers } from "@/lib/events/process-events";
import { deliver } from "@/lib/notifications/deliver";
import { issueEligibleCertificates } from "./issue";

// What the worker does about certificates, off the request that caused it:
// a completed enrolment or a released (or changed) grade may make a student
// eligible, so the course's rule is checked for that student; an issued
// certificate is told to its student. Loaded by the worker: no "server-only".

const payloadOf = (event: DomainEventRow) => event.payload as Record<string, unknown>;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOf = (value: unknown) => (typeof value === "string" && uuidPattern.test(value) ? value : null);

/** Checks the event's student against its course's certificate rule, and issues when eligible. */
const issueForStudent: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  const courseId = idOf(payload.courseId);
  const userId = idOf(payload.userId);
  if (!courseId || !userId) return;
  await issueEligibleCertificates(tx, { courseId, userId });
};

/** "Your certificate for X is ready": its student, while the certificate is still valid. */
const certificateIssued: EventHandler = (event, tx) =>
  deliver(
    tx,
    event,
    sql`SELECT x.user_id, 'Your certificate for ' || x.course_title || ' is ready' AS title,
        'Download it as a PDF or share its verification link.' AS message, '/certificates' AS link
      FROM certificates x
      WHERE x.id = ${idOf(payloadOf(event).certificateId)}::uuid AND x.revoked_at IS NULL`,
  );

export const certificateHandlers: EventHandlers = {
  "enrollment.completed": [issueForStudent],
  "grade.released": [issueForStudent],
  "quiz.graded": [issueForStudent],
  "certificate.issued": [certificateIssued],
};

/** The handlers with the certificate ones added after each type's own. */
export function withCertificateHandlers(handlers: EventHandlers): EventHandlers {
  const merged: EventHandlers = { ...handlers };
  for (const [type, list] of Object.entries(certificateHandlers) as [keyof EventHandlers, EventHandler[]][]) {
    merged[type] = [...(merged[type] ?? []), ...list];
  }
  return merged;
}
