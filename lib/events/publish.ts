import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { aggregateTypeOf, type DomainEvent } from "./types";

/**
 * The channel a worker LISTENs on to wake as soon as an event is stored
 * instead of at its next poll. NOTIFY inside a transaction is delivered on
 * commit and dropped on rollback, exactly like the event row itself.
 */
export const eventsChannel = "jeevi_events";

/**
 * Writes the event in the caller's transaction (transactional outbox): it is
 * stored if and only if the change that caused it commits.
 */
export async function publish(tx: DbOrTx, event: DomainEvent, actorId: string | null = null): Promise<void> {
  await publishAll(tx, [event], actorId);
}

/**
 * Several events in one statement, for set-wise changes (a re-grade completing
 * many enrolments). The INSERT and the NOTIFY share that one statement, so
 * waking the worker costs no extra round trip.
 */
export async function publishAll(tx: DbOrTx, events: DomainEvent[], actorId: string | null = null): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(
    (event) =>
      sql`(${event.type}, ${aggregateTypeOf(event.type)}, ${event.aggregateId}, ${actorId}::uuid, ${JSON.stringify(event.payload)}::jsonb)`,
  );
  await tx.execute(sql`
    WITH stored AS (
      INSERT INTO domain_events (type, aggregate_type, aggregate_id, actor_id, payload)
      VALUES ${sql.join(rows, sql`, `)}
      RETURNING id
    )
    SELECT pg_notify(${eventsChannel}, max(id)::text) FROM stored`);
}
