import { sql } from "drizzle-orm";
import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { domainEvents } from "./events";
import { users } from "./users";

// One in-app notification per recipient and event. The event it came from is
// part of the key, so a fan-out retried after a failure never tells anyone twice.
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The event type that caused it, e.g. `grade.released`: preferences are per type. */
    type: varchar({ length: 100 }).notNull(),
    title: varchar({ length: 300 }).notNull(),
    message: text().notNull().default(""),
    /** A path inside the site to the thing it is about. */
    link: varchar({ length: 500 }).notNull(),
    eventId: bigint({ mode: "number" }).references(() => domainEvents.id, { onDelete: "set null" }),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_user_event_key").on(t.userId, t.eventId),
    index("notifications_user_id_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} IS NULL`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
