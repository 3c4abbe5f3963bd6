import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { domainEvents } from "@/db/schema";
import { aggregateTypeOf, type DomainEvent } from "./types";

/**
 * The channel a worker LISTENs on to wake as soon as an event is stored
 * instead of at its next poll. NOTIFY inside a transaction is delivered on
 * commit and dropped on rollback, exactly like the event row itself; equal
 * payloads in one transaction are delivered once, so a batch wakes it once.
 */
export const eventsChannel = "jeevi_events";

/** Rides on the INSERT's RETURNING: waking the worker costs no extra statement. */
const wakeWorker = { wake: sql`pg_notify(${eventsChannel}, '')` };

/**
 * Writes the event in the caller's transaction (transactional outbox): it is
 * stored if and only if the change that caused it commits.
 */
export async function publish(tx: DbOrTx, event: DomainEvent, actorId: string | null = null): Promise<void> {
  await tx
    .insert(domainEvents)
    .values({
      type: event.type,
      aggregateType: aggregateTypeOf(event.type),
      aggregateId: event.aggregateId,
      actorId,
      payload: event.payload,
    })
    .returning(wakeWorker);
}

/** Several events in one INSERT, for set-wise changes (a re-grade completing many enrolments). */
export async function publishAll(tx: DbOrTx, events: DomainEvent[], actorId: string | null = null): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insert(domainEvents)
    .values(
      events.map((event) => ({
        type: event.type,
        aggregateType: aggregateTypeOf(event.type),
        aggregateId: event.aggregateId,
        actorId,
        payload: event.payload,
      })),
    )
    .returning(wakeWorker);
}
