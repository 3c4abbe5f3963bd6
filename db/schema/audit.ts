import { bigserial, index, jsonb, pgTable, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    // Null for the system and for failed sign-ins of unknown accounts.
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: varchar({ length: 100 }).notNull(),
    entityType: varchar({ length: 50 }).notNull(),
    entityId: varchar({ length: 100 }),
    before: jsonb(),
    after: jsonb(),
    ip: varchar({ length: 100 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_actor_id_idx").on(t.actorId),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_action_idx").on(t.action),
    index("audit_log_created_at_idx").on(t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
