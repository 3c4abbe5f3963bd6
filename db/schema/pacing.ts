import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { recurrenceFrequency } from "./enums";
import { learningTasks } from "./tasks";
import { users } from "./users";

// One student's own due date, time limit or attempts on a quiz or assignment.
// A null field keeps the task's value (lib/pacing/effective-task.ts).
export const taskOverrides = pgTable(
  "task_overrides",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => learningTasks.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dueAt: timestamp({ withTimezone: true }),
    timeLimitMinutes: integer(),
    attemptsAllowed: integer(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("task_overrides_task_user_key").on(t.taskId, t.userId),
    index("task_overrides_user_id_idx").on(t.userId),
    index("task_overrides_due_at_idx").on(t.dueAt),
    check("task_overrides_time_limit_range", sql`${t.timeLimitMinutes} IS NULL OR ${t.timeLimitMinutes} BETWEEN 1 AND 1440`),
    check("task_overrides_attempts_range", sql`${t.attemptsAllowed} IS NULL OR ${t.attemptsAllowed} BETWEEN 1 AND 100`),
    check(
      "task_overrides_sets_something",
      sql`${t.dueAt} IS NOT NULL OR ${t.timeLimitMinutes} IS NOT NULL OR ${t.attemptsAllowed} IS NOT NULL`,
    ),
  ],
);

// The due-soon reminder of an override's own due date, claimed once per (override, due date)
// like task_due_reminders is for the task's.
export const taskOverrideReminders = pgTable(
  "task_override_reminders",
  {
    overrideId: uuid()
      .notNull()
      .references(() => taskOverrides.id, { onDelete: "cascade" }),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.overrideId, t.dueAt] })],
);

// An event a teacher puts in a course's calendar: a class, an exam, a trip.
// A recurring one repeats `recurrenceInterval` days/weeks/months apart in
// `timeZone` (so a 9:00 class stays at 9:00 across daylight-saving changes),
// until `recurrenceUntil` or for `recurrenceCount` occurrences.
export const courseEvents = pgTable(
  "course_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: varchar({ length: 200 }).notNull(),
    description: text().notNull().default(""),
    location: varchar({ length: 200 }).notNull().default(""),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    allDay: boolean().notNull().default(false),
    timeZone: varchar({ length: 64 }).notNull().default("UTC"),
    recurrence: recurrenceFrequency(),
    recurrenceInterval: integer().notNull().default(1),
    recurrenceUntil: timestamp({ withTimezone: true }),
    recurrenceCount: integer(),
    // Bumped on every edit: the iCal SEQUENCE, so calendar apps take the change.
    sequence: integer().notNull().default(0),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("course_events_course_id_starts_at_idx").on(t.courseId, t.startsAt),
    check("course_events_title_length", sql`char_length(${t.title}) BETWEEN 1 AND 200`),
    check("course_events_ends_after_start", sql`${t.endsAt} >= ${t.startsAt}`),
    check("course_events_interval_range", sql`${t.recurrenceInterval} BETWEEN 1 AND 365`),
    check("course_events_count_range", sql`${t.recurrenceCount} IS NULL OR ${t.recurrenceCount} BETWEEN 1 AND 1000`),
  ],
);

// A user's private calendar feed address: only the token's hash is stored, and
// a new token (or deleting the row) revokes the old address at once.
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    lastFetchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("calendar_feeds_token_hash_key").on(t.tokenHash)],
);

export type TaskOverride = typeof taskOverrides.$inferSelect;
export type CourseEvent = typeof courseEvents.$inferSelect;
