import { and, eq } from "drizzle-orm";
import { courses, enrollments, storedFiles } from "@/db/schema";
import { can, type Actor, type CourseResource } from "@/lib/auth/policy";

// A course's files (a lesson's document, an imported question's picture, an
// imported page's image) are served to whoever may read the course's content.
// Each loader joins its own way to the course; these are the columns they
// select and the check they make, so the rule is written once.

/** Select these, joining `courses` and `enrollmentOf(actor)` and `storedFiles`. */
export const readableFileColumns = {
  status: courses.status,
  visibility: courses.visibility,
  teacherId: courses.teacherId,
  enrollmentStatus: enrollments.status,
  storageKey: storedFiles.storageKey,
  originalName: storedFiles.originalName,
  mimeType: storedFiles.mimeType,
  sizeBytes: storedFiles.sizeBytes,
};

/** The LEFT JOIN condition of the actor's own enrolment in the course. */
export const enrollmentOf = (actor: Actor) => and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id));

type FileRow = CourseResource & { storageKey: string; originalName: string; mimeType: string; sizeBytes: number };

/** The file to serve when the actor may read the course's content; null otherwise, as if it did not exist. */
export function readableFile(actor: Actor, row: FileRow | undefined) {
  if (!row || !can(actor, "course.viewContent", row)) return null;
  return { storageKey: row.storageKey, originalName: row.originalName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
}
