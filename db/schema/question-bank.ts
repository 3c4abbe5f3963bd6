import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { storedFiles } from "./files";
import { users } from "./users";

// A course's question bank. A bank entry is one question as teachers think of
// it (where it is filed, its tags); its content lives in versions
// (quiz_questions rows). Editing a question students already answered adds a
// version, so every attempt keeps grading and showing what it was answered with.

export const questionCategories = pgTable(
  "question_categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** Null: a top-level category of the course. */
    parentId: uuid().references((): AnyPgColumn => questionCategories.id, { onDelete: "restrict" }),
    name: varchar({ length: 120 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Two siblings never share a name, so a category path ("Physics / Kinematics") names one category.
    uniqueIndex("question_categories_sibling_name_key").on(
      t.courseId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
    index("question_categories_parent_id_idx").on(t.parentId),
  ],
);

export const questionBankEntries = pgTable(
  "question_bank_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** Null: not filed in a category (shown as "Uncategorised"). */
    categoryId: uuid().references(() => questionCategories.id, { onDelete: "restrict" }),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /**
     * Set when a question students answered is deleted: it leaves the bank and
     * every quiz, but its versions stay for the attempts that show them.
     */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("question_bank_entries_course_category_idx").on(t.courseId, t.categoryId).where(sql`${t.deletedAt} IS NULL`),
    index("question_bank_entries_tags_idx").using("gin", t.tags),
  ],
);

/**
 * Images that imported questions show (Moodle XML and QTI embed them). Served
 * at /api/files/questions/<fileId> to the course's teacher, admins and its
 * enrolled students only.
 */
export const questionFiles = pgTable(
  "question_files",
  {
    fileId: uuid()
      .primaryKey()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("question_files_course_id_idx").on(t.courseId)],
);

export type QuestionCategory = typeof questionCategories.$inferSelect;
export type QuestionBankEntry = typeof questionBankEntries.$inferSelect;
