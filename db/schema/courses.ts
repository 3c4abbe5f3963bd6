import { sql, type SQL } from "drizzle-orm";
import {
  check,
  jsonb,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, tsvector, updatedAt } from "./columns";
import { courseStatus, courseVisibility, progressScope } from "./enums";
import type { StoredReleaseRule } from "./release-rule-json";
import { users } from "./users";

export const courses = pgTable(
  "courses",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: varchar({ length: 220 }).notNull(),
    title: varchar({ length: 200 }).notNull(),
    description: text().notNull().default(""),
    learningObjectives: text().notNull().default(""),
    prerequisites: text().notNull().default(""),
    subject: varchar({ length: 60 }).notNull(),
    status: courseStatus().notNull().default("draft"),
    visibility: courseVisibility().notNull().default("public"),
    // Shown to the teacher so it can be shared; compared in constant time.
    enrollmentKey: varchar({ length: 100 }),
    // Users are deactivated, never deleted, while they own courses.
    teacherId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', coalesce(${courses.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${courses.description}, '')), 'B')`,
      ),
    publishedAt: timestamp({ withTimezone: true }),
    // Active and completed enrolments, kept by triggers on enrollments (migration 0020):
    // the catalogue sorts 500 courses by it, which counting per course made the slowest
    // statement of any page at 100,000 enrolments.
    studentCount: integer().notNull().default(0),
    // "released": progress counts only the items released to each student (see docs/pacing.md).
    progressScope: progressScope().notNull().default("all"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("courses_slug_key").on(t.slug),
    index("courses_teacher_id_idx").on(t.teacherId),
    index("courses_status_idx").on(t.status),
    index("courses_visibility_idx").on(t.visibility),
    index("courses_subject_idx").on(t.subject),
    // The reports' subject filter compares lower(subject): with this index the planner
    // knows how many courses match (it guessed 10 of 2,000 for 400) and walks the
    // report's order instead of reading every enrolment of the subject for each CSV batch.
    index("courses_subject_lower_idx").on(sql`lower(${t.subject})`),
    index("courses_created_at_idx").on(t.createdAt),
    index("courses_search_vector_idx").using("gin", t.searchVector),
    check("courses_title_length", sql`char_length(${t.title}) BETWEEN 1 AND 200`),
  ],
);

export const modules = pgTable(
  "modules",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: varchar({ length: 200 }).notNull(),
    description: text().notNull().default(""),
    position: integer().notNull(),
    // Null: always open. Parsed with releaseRuleSchema wherever it is read.
    releaseRule: jsonb().$type<StoredReleaseRule>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("modules_course_id_position_idx").on(t.courseId, t.position),
    check("modules_position_nonnegative", sql`${t.position} >= 0`),
  ],
);

export type Course = typeof courses.$inferSelect;
export type NewCourse = typeof courses.$inferInsert;
export type Module = typeof modules.$inferSelect;
