import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { courses } from "./courses";
import { users } from "./users";

// Uploaded files: stored (on disk or in a bucket) under a generated name
// (storage_key), never the uploader's, and served only through routes that
// check who may see them.
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    storageKey: varchar({ length: 100 }).notNull(),
    originalName: varchar({ length: 255 }).notNull(),
    // Detected from the content, not taken from the browser or the file name.
    mimeType: varchar({ length: 100 }).notNull(),
    // 64-bit: a recorded lecture can be over the 2 GB a 32-bit column holds.
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    // The course it was uploaded for: only that course's teacher (or an admin)
    // may attach it to a lesson.
    courseId: uuid().references(() => courses.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("stored_files_storage_key_key").on(t.storageKey),
    index("stored_files_uploaded_by_idx").on(t.uploadedBy),
    index("stored_files_course_id_idx").on(t.courseId),
    check("stored_files_size_nonnegative", sql`${t.sizeBytes} >= 0`),
  ],
);

export type StoredFile = typeof storedFiles.$inferSelect;
