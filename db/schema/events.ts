import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

// Transactional outbox: rows are written in the same transaction as the change
// they describe, then handed to subscribers (notifications, email) afterwards.
export const domainEvents = pgTable(
  "domain_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    type: varchar({ length: 100 }).notNull(),
    aggregateType: varchar({ length: 50 }).notNull(),
    aggregateId: varchar({ length: 100 }).notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    payload: jsonb().notNull().default({}),
    createdAt: createdAt(),
    processedAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [
    index("domain_events_pending_idx").on(t.id).where(sql`${t.processedAt} IS NULL`),
    index("domain_events_type_idx").on(t.type),
    index("domain_events_aggregate_idx").on(t.aggregateType, t.aggregateId),
    index("domain_events_actor_id_idx").on(t.actorId),
  ],
);

export type DomainEventRow = typeof domainEvents.$inferSelect;
