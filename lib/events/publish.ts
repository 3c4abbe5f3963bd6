import type { DbOrTx } from "@/db";
import { domainEvents } from "@/db/schema";
import { enqueueJob } from "@/lib/worker/enqueue";
import { notificationEventsQueue } from "@/lib/worker/queue-names";
import { aggregateTypeOf, type DomainEvent } from "./types";

/**
 * Writes the event in the caller's transaction (transactional outbox), with a
 * job on the notification-events queue that hands it to its subscribers: both
 * are stored if and only if the change that caused them commits.
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
    });
  await enqueueJob(tx, notificationEventsQueue);
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
    );
  await enqueueJob(tx, notificationEventsQueue);
}
