import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { announcements } from "./announcements";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { learningTasks } from "./tasks";
import { users } from "./users";

// A group of one course's students (class 10A, 10B), with its own teachers
// and dates. A student may sit in several sections of a course (Moodle's
// groups, Canvas's sections); the random split puts each in one.
export const courseSections = pgTable(
  "course_sections",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    name: varchar({ length: 100 }).notNull(),
    description: varchar({ length: 500 }).notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("course_sections_course_name_key").on(t.courseId, sql`lower(${t.name})`)],
);

// Which students are in a section. Only students enrolled in the section's
// course are added (lib/sections checks it in the same transaction).
export const sectionMembers = pgTable(
  "section_members",
  {
    sectionId: uuid()
      .notNull()
      .references(() => courseSections.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.userId] }), index("section_members_user_id_idx").on(t.userId)],
);

// A section teacher sees and grades only the students of its sections; it
// does not author the course (that stays with the course's teacher).
export const sectionTeachers = pgTable(
  "section_teachers",
  {
    sectionId: uuid()
      .notNull()
      .references(() => courseSections.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.userId] }), index("section_teachers_user_id_idx").on(t.userId)],
);

// A section's own due date, time limit or attempts on a task. A student's own
// override (task_overrides) wins; between several sections the most lenient
// value counts, as in Canvas.
export const sectionTaskOverrides = pgTable(
  "section_task_overrides",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => learningTasks.id, { onDelete: "cascade" }),
    sectionId: uuid()
      .notNull()
      .references(() => courseSections.id, { onDelete: "cascade" }),
    dueAt: timestamp({ withTimezone: true }),
    timeLimitMinutes: integer(),
    attemptsAllowed: integer(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("section_task_overrides_task_section_key").on(t.taskId, t.sectionId),
    index("section_task_overrides_section_id_idx").on(t.sectionId),
    check(
      "section_task_overrides_time_limit_range",
      sql`${t.timeLimitMinutes} IS NULL OR ${t.timeLimitMinutes} BETWEEN 1 AND 1440`,
    ),
    check(
      "section_task_overrides_attempts_range",
      sql`${t.attemptsAllowed} IS NULL OR ${t.attemptsAllowed} BETWEEN 1 AND 100`,
    ),
    check(
      "section_task_overrides_sets_something",
      sql`${t.dueAt} IS NOT NULL OR ${t.timeLimitMinutes} IS NOT NULL OR ${t.attemptsAllowed} IS NOT NULL`,
    ),
  ],
);

// The sections an announcement goes to; none means the whole course.
export const announcementSections = pgTable(
  "announcement_sections",
  {
    announcementId: uuid()
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    sectionId: uuid()
      .notNull()
      .references(() => courseSections.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.announcementId, t.sectionId] }),
    index("announcement_sections_section_id_idx").on(t.sectionId),
  ],
);

export type CourseSection = typeof courseSections.$inferSelect;
