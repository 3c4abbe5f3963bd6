import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { storedFiles } from "@/db/schema";
import type { LessonContentType } from "@/db/schema/enums";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";

// The file side of lessons: which uploaded file a lesson may point to, and
// removing files no lesson uses any more.

const fileNotFound = "The uploaded file was not found. Upload it again.";

/**
 * Refuses a file the actor may not attach to a lesson of this course: one that
 * does not exist, one used by another course, or someone else's upload that
 * is not already part of this course. A video lesson needs a video file.
 */
export async function checkLessonFile(
  tx: DbOrTx,
  actor: Actor,
  { courseId, fileId, contentType }: { courseId: string; fileId: string; contentType: LessonContentType },
): Promise<void> {
  // Written out with aliases: inside a subquery, unqualified "id" would be the lesson's.
  const usedBy = (inCourse: boolean) => sql<boolean>`EXISTS (
    SELECT 1 FROM lessons l JOIN modules m ON m.id = l.module_id
    WHERE l.file_id = stored_files.id AND ${inCourse ? sql`m.course_id = ${courseId}` : sql`m.course_id <> ${courseId}`})`;
  const [file] = await tx
    .select({
      mimeType: storedFiles.mimeType,
      uploadedBy: storedFiles.uploadedBy,
      courseId: storedFiles.courseId,
      inThisCourse: usedBy(true),
      inOtherCourse: usedBy(false),
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId));
  const mayUse =
    file &&
    !file.inOtherCourse &&
    (file.courseId === null || file.courseId === courseId) &&
    (file.uploadedBy === actor.id || file.inThisCourse);
  if (!mayUse) fail(fileNotFound, { fileId: [fileNotFound] });
  if (contentType === "video" && !file.mimeType.startsWith("video/")) {
    const message = "This file is not a video. Upload an MP4 or WebM file.";
    fail(message, { fileId: [message] });
  }
}

/**
 * Deletes the rows of the stored files among `fileIds` that no lesson points
 * to any more (call it after the lessons are deleted or changed). Returns their
 * ids and storage keys: the bytes are removed by `removeStoredObjects` once the
 * transaction has committed, so a rollback never leaves a row without bytes.
 */
export async function deleteUnusedFiles(
  tx: DbOrTx,
  fileIds: readonly (string | null)[],
): Promise<{ id: string; storageKey: string }[]> {
  const ids = [...new Set(fileIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const deleted = await tx
    .delete(storedFiles)
    .where(
      and(
        inArray(storedFiles.id, ids),
        sql`NOT EXISTS (SELECT 1 FROM lessons l WHERE l.file_id = stored_files.id)`,
      ),
    )
    .returning({ id: storedFiles.id, storageKey: storedFiles.storageKey });
  return deleted;
}
