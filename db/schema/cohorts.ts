import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { courseSections } from "./sections";
import { users } from "./users";

// A site-wide, named set of users ("Class 10, 2026") an admin enrols into
// courses in one step.
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: varchar({ length: 200 }).notNull(),
    description: varchar({ length: 1000 }).notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("cohorts_name_key").on(sql`lower(${t.name})`)],
);

export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_members_user_id_idx").on(t.userId)],
);

// A cohort enrolled into a course (optionally into one of its sections): its
// students were enrolled when the link was made, and members added later are
// enrolled as they join (Moodle's cohort sync).
export const cohortCourses = pgTable(
  "cohort_courses",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    sectionId: uuid().references(() => courseSections.id, { onDelete: "set null" }),
    linkedById: uuid().references(() => users.id, { onDelete: "set null" }),
    linkedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.courseId] }), index("cohort_courses_course_id_idx").on(t.courseId)],
);
