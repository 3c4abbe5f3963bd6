import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import type { StoredReleaseRule } from "./release-rule-json";
import { createdAt, updatedAt } from "./columns";
import { modules } from "./courses";
import { lessonContentType } from "./enums";
import { storedFiles } from "./files";

// Lessons live apart from courses and modules because they point at stored
// files, which themselves belong to a course: one file each keeps the schema's
// imports pointing one way (courses <- files <- lessons).
export const lessons = pgTable(
  "lessons",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    title: varchar({ length: 200 }).notNull(),
    contentType: lessonContentType().notNull().default("text"),
    body: text().notNull().default(""),
    externalUrl: text(),
    // The document of a file lesson, or the uploaded video of a video lesson.
    fileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    durationMinutes: integer(),
    position: integer().notNull(),
    // Null: always open (within its module's rule).
    releaseRule: jsonb().$type<StoredReleaseRule>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("lessons_module_id_position_idx").on(t.moduleId, t.position),
    index("lessons_content_type_idx").on(t.contentType),
    index("lessons_file_id_idx").on(t.fileId),
    check("lessons_position_nonnegative", sql`${t.position} >= 0`),
    check("lessons_duration_nonnegative", sql`${t.durationMinutes} IS NULL OR ${t.durationMinutes} >= 0`),
  ],
);

export type Lesson = typeof lessons.$inferSelect;
