import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { userRole } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index on lower() also guards rows written
    // by hand or by older code.
    email: varchar({ length: 254 }).notNull(),
    username: varchar({ length: 150 }).notNull(),
    displayName: varchar({ length: 200 }),
    role: userRole().notNull().default("student"),
    isActive: boolean().notNull().default(true),
    gradeLevel: smallint(),
    passwordHash: text().notNull(),
    // Bumped to invalidate every session of the user (sign out everywhere,
    // password change); tokens carry the version they were issued with.
    sessionVersion: integer().notNull().default(0),
    lastSignInAt: timestamp({ withTimezone: true }),
    anonymizedAt: timestamp({ withTimezone: true }),
    // IANA zone the user reads dates in; null follows the browser's.
    timeZone: varchar({ length: 64 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    index("users_role_idx").on(t.role),
    index("users_is_active_idx").on(t.isActive),
    index("users_grade_level_idx").on(t.gradeLevel),
    index("users_created_at_idx").on(t.createdAt),
    // The name reports show and sort by: the admin report's first page walks
    // this index and stops after 25 enrolments instead of sorting them all.
    index("users_shown_name_idx").on(sql`coalesce(${t.displayName}, ${t.username})`),
    // The admin report's tiles count active accounts per role from this index alone
    // (200,000 users: a small index instead of the whole table).
    index("users_active_role_idx").on(t.role).where(sql`${t.isActive}`),
    check("users_username_format", sql`${t.username} ~ '^[a-zA-Z0-9_]{3,150}$'`),
    check("users_grade_level_range", sql`${t.gradeLevel} IS NULL OR ${t.gradeLevel} BETWEEN 1 AND 13`),
    check("users_session_version_nonnegative", sql`${t.sessionVersion} >= 0`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
