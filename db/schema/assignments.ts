import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { latePenaltyType, submissionGradeStatus } from "./enums";
import { storedFiles } from "./files";
import { learningTasks } from "./tasks";
import { users } from "./users";

// An assignment (or project) is a learning task; its title, due date, status
// and max points stay on the task row like every task's. This row holds what
// only hand-in work has: what may be handed in and how lateness is treated.
export const assignments = pgTable(
  "assignments",
  {
    taskId: uuid()
      .primaryKey()
      .references(() => learningTasks.id, { onDelete: "cascade" }),
    instructions: text().notNull().default(""),
    /** File extensions accepted (checked against the type detected from the content). Empty: no files. */
    allowedFileTypes: varchar({ length: 10 }).array().notNull().default(sql`'{}'::varchar[]`),
    maxFileSizeMb: integer().notNull().default(10),
    maxFiles: integer().notNull().default(1),
    textEntry: boolean().notNull().default(false),
    acceptLate: boolean().notNull().default(false),
    latePenaltyType: latePenaltyType().notNull().default("none"),
    /** Percent off per started day late, or once, as latePenaltyType says. */
    latePenaltyPercent: numeric({ precision: 5, scale: 2, mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("assignments_max_file_size_range", sql`${t.maxFileSizeMb} BETWEEN 1 AND 2047`),
    check("assignments_max_files_range", sql`${t.maxFiles} BETWEEN 0 AND 20`),
    check("assignments_late_penalty_range", sql`${t.latePenaltyPercent} BETWEEN 0 AND 100`),
    // Something must be possible to hand in.
    check("assignments_accepts_something", sql`${t.textEntry} OR ${t.maxFiles} > 0`),
  ],
);

export const submissions = pgTable(
  "submissions",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => assignments.taskId, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** 1, 2, 3...: resubmitting before grading adds a version and keeps the earlier ones. */
    version: integer().notNull(),
    /** The version the teacher grades; earlier versions stay readable. */
    isCurrent: boolean().notNull().default(true),
    text: text().notNull().default(""),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    isLate: boolean().notNull().default(false),
    /** Started days past the due date at submission (0 when on time). */
    daysLate: integer().notNull().default(0),
    gradeStatus: submissionGradeStatus().notNull().default("ungraded"),
    /** Points the grader gave, before the late penalty. */
    rawPoints: numeric({ precision: 8, scale: 2, mode: "number" }),
    /** The penalty applied, in percent, recorded with the grade so a later policy change does not rewrite it. */
    penaltyPercent: numeric({ precision: 5, scale: 2, mode: "number" }),
    /** Points after the penalty: what the gradebook and progress show. */
    points: numeric({ precision: 8, scale: 2, mode: "number" }),
    feedback: text().notNull().default(""),
    gradedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    gradedAt: timestamp({ withTimezone: true }),
    releasedAt: timestamp({ withTimezone: true }),
    // Optimistic locking: a grader's save names the revision it read, and a
    // save based on an older revision is refused instead of overwriting.
    revision: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("submissions_task_user_version_key").on(t.taskId, t.userId, t.version),
    uniqueIndex("submissions_one_current_key")
      .on(t.taskId, t.userId)
      .where(sql`${t.isCurrent}`),
    index("submissions_user_id_idx").on(t.userId),
    index("submissions_task_id_submitted_at_idx").on(t.taskId, t.submittedAt),
    check("submissions_version_positive", sql`${t.version} > 0`),
    check("submissions_days_late_nonnegative", sql`${t.daysLate} >= 0`),
    check("submissions_points_nonnegative", sql`${t.points} IS NULL OR ${t.points} >= 0`),
    check("submissions_raw_points_nonnegative", sql`${t.rawPoints} IS NULL OR ${t.rawPoints} >= 0`),
    check(
      "submissions_graded_fields",
      sql`(${t.gradeStatus} IN ('draft', 'released')) = (${t.points} IS NOT NULL AND ${t.gradedAt} IS NOT NULL)`,
    ),
    check("submissions_released_at", sql`(${t.gradeStatus} = 'released') = (${t.releasedAt} IS NOT NULL)`),
  ],
);

export const submissionFiles = pgTable(
  "submission_files",
  {
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: "restrict" }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.fileId] }), index("submission_files_file_id_idx").on(t.fileId)],
);

export type Assignment = typeof assignments.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type SubmissionFile = typeof submissionFiles.$inferSelect;
