import { and, asc, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { domainEvents, type DomainEventRow } from "@/db/schema";
import type { DomainEventType } from "./types";

export type EventHandler = (event: DomainEventRow, tx: Parameters<Parameters<Database["transaction"]>[0]>[0]) => Promise<void>;
export type EventHandlers = Partial<Record<DomainEventType, EventHandler[]>>;

const maxAttempts = 5;

/**
 * Hands pending events to their handlers, oldest first. Each event is claimed
 * with SKIP LOCKED so several workers never process the same one; a handler
 * failure is recorded and the event retried on a later run, up to maxAttempts.
 * Returns how many events were processed.
 */
export async function processPendingEvents(db: Database, handlers: EventHandlers, batchSize = 50): Promise<number> {
  let processed = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(domainEvents)
        .where(and(isNull(domainEvents.processedAt), lt(domainEvents.attempts, maxAttempts)))
        .orderBy(asc(domainEvents.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const event of batch) {
        try {
          await tx.transaction(async (savepoint) => {
            for (const handle of handlers[event.type as DomainEventType] ?? []) await handle(event, savepoint);
          });
          await tx
            .update(domainEvents)
            .set({ processedAt: new Date(), attempts: sql`${domainEvents.attempts} + 1`, lastError: null })
            .where(inArray(domainEvents.id, [event.id]));
          processed++;
        } catch (error) {
          await tx
            .update(domainEvents)
            .set({ attempts: sql`${domainEvents.attempts} + 1`, lastError: String(error).slice(0, 2000) })
            .where(inArray(domainEvents.id, [event.id]));
        }
      }
      return batch.length;
    });
    if (claimed < batchSize) return processed;
  }
}
