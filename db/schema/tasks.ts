import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses, modules } from "./courses";
import { taskProgressStatus, taskStatus, taskType } from "./enums";
import type { StoredReleaseRule } from "./release-rule-json";
import { users } from "./users";

export const learningTasks = pgTable(
  "learning_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    // A task outlives the module it was placed in: it falls back to the course.
    moduleId: uuid().references(() => modules.id, { onDelete: "set null" }),
    type: taskType().notNull(),
    title: varchar({ length: 200 }).notNull(),
    description: text().notNull().default(""),
    status: taskStatus().notNull().default("draft"),
    dueAt: timestamp({ withTimezone: true }),
    maxPoints: integer(),
    position: integer().notNull().default(0),
    // Null: always open (within its module's rule).
    releaseRule: jsonb().$type<StoredReleaseRule>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("learning_tasks_course_id_position_idx").on(t.courseId, t.position),
    index("learning_tasks_module_id_idx").on(t.moduleId),
    index("learning_tasks_status_idx").on(t.status),
    index("learning_tasks_type_idx").on(t.type),
    index("learning_tasks_due_at_idx").on(t.dueAt),
    check("learning_tasks_max_points_positive", sql`${t.maxPoints} IS NULL OR ${t.maxPoints} > 0`),
    check("learning_tasks_position_nonnegative", sql`${t.position} >= 0`),
  ],
);

export const taskProgress = pgTable(
  "task_progress",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    taskId: uuid()
      .notNull()
      .references(() => learningTasks.id, { onDelete: "cascade" }),
    status: taskProgressStatus().notNull().default("not_started"),
    pointsEarned: numeric({ precision: 8, scale: 2, mode: "number" }),
    submissionData: jsonb(),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("task_progress_user_task_key").on(t.userId, t.taskId),
    index("task_progress_task_id_idx").on(t.taskId),
    index("task_progress_status_idx").on(t.status),
    check("task_progress_points_nonnegative", sql`${t.pointsEarned} IS NULL OR ${t.pointsEarned} >= 0`),
    check(
      "task_progress_completed_at_only_when_done",
      sql`${t.completedAt} IS NULL OR ${t.status} IN ('completed', 'graded')`,
    ),
  ],
);

export type LearningTask = typeof learningTasks.$inferSelect;
export type TaskProgress = typeof taskProgress.$inferSelect;
