import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { domainEvents } from "./events";
import { learningTasks } from "./tasks";
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

// A user's choice per notification type; no row means the default (in-app and email).
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: varchar({ length: 100 }).notNull(),
    inApp: boolean().notNull().default(true),
    email: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

// Per-user delivery settings that are not per type.
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Gather email into one message a day instead of one per notification. */
  emailDigest: boolean().notNull().default(false),
  /** When the last digest went out, so a restarted worker never sends two in a day. */
  lastDigestAt: timestamp({ withTimezone: true }),
});

// The email side of a notification, queued by the same fan-out statement that
// writes the in-app row. `pending` rows are sent one by one with backoff,
// `digest` rows wait for the user's daily digest; (user, event) is unique for
// the same reason as on notifications. A failed send never touches the in-app row.
export const emailDeliveries = pgTable(
  "email_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" }).references(() => domainEvents.id, { onDelete: "set null" }),
    type: varchar({ length: 100 }).notNull(),
    title: varchar({ length: 300 }).notNull(),
    message: text().notNull().default(""),
    link: varchar({ length: 500 }).notNull(),
    /** pending | digest | sending (claimed by a worker, going out now) | sent | failed */
    status: varchar({ length: 20 }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** The transport's message id (or the .eml file name) once sent. */
    messageId: varchar({ length: 300 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_deliveries_user_event_key").on(t.userId, t.eventId),
    index("email_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("email_deliveries_digest_idx").on(t.userId).where(sql`${t.status} = 'digest'`),
    index("email_deliveries_created_idx").on(t.createdAt.desc()),
    check("email_deliveries_status", sql`${t.status} IN ('pending', 'digest', 'sending', 'sent', 'failed')`),
  ],
);

// One "due within 24 hours" reminder per task and due date: the scheduler
// claims the pair here before it publishes, so it never reminds twice, and a
// moved due date gets a reminder of its own.
export const taskDueReminders = pgTable(
  "task_due_reminders",
  {
    taskId: uuid()
      .notNull()
      .references(() => learningTasks.id, { onDelete: "cascade" }),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.dueAt] })],
);

export type EmailDelivery = typeof emailDeliveries.$inferSelect;
