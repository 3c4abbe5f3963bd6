import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { storedFiles } from "./files";
import { users } from "./users";

/**
 * Files a course's text shows or links to (a lesson's images, a document an
 * imported page links to): served at /api/files/course/<fileId> to whoever may
 * read the course's content, and copied with the course.
 */
export const courseFiles = pgTable(
  "course_files",
  {
    fileId: uuid()
      .primaryKey()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("course_files_course_id_idx").on(t.courseId)],
);

export const courseTransferKind = pgEnum("course_transfer_kind", ["copy", "restore", "cartridge_import"]);
export const courseTransferStatus = pgEnum("course_transfer_status", ["uploaded", "queued", "running", "done", "failed"]);

/**
 * A course being copied, restored from a backup or imported from a cartridge.
 * The work runs in the background (a big course's files take minutes), so the
 * row is what the teacher's page reads: how far it got, what could not be
 * carried over, and the new course once it is there.
 */
export const courseTransfers = pgTable(
  "course_transfers",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: courseTransferKind().notNull(),
    /** uploaded: a package waiting for the importer to confirm its preview; queued, running, then done or failed. */
    status: courseTransferStatus().notNull().default("queued"),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The course copied (a copy), or null. */
    sourceCourseId: uuid().references(() => courses.id, { onDelete: "set null" }),
    /** The course made, once it is. */
    courseId: uuid().references(() => courses.id, { onDelete: "set null" }),
    /** The uploaded package (a restore or an import) until it has been read. */
    archiveFileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    /** What the teacher named: the source course's title or the package's file name. */
    label: varchar({ length: 255 }).notNull(),
    /** The choices made when it was asked for (new title, date shift, with work). */
    options: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    stepsDone: integer().notNull().default(0),
    stepsTotal: integer().notNull().default(0),
    /** What could not be carried over as it was: the import report. */
    notes: jsonb().$type<{ where: string; message: string }[]>().notNull().default([]),
    /** Why it failed, for the teacher; nothing of the course was saved then. */
    error: text(),
    attempts: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("course_transfers_waiting_idx")
      .on(t.createdAt)
      .where(sql`${t.status} IN ('queued', 'running')`),
    index("course_transfers_requested_by_idx").on(t.requestedBy, t.createdAt),
    index("course_transfers_source_course_id_idx").on(t.sourceCourseId),
    index("course_transfers_course_id_idx").on(t.courseId),
    check("course_transfers_steps", sql`${t.stepsDone} >= 0 AND ${t.stepsTotal} >= 0`),
  ],
);

export type CourseTransfer = typeof courseTransfers.$inferSelect;
