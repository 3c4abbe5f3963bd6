import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, questionFiles, storedFiles } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";

/**
 * An image of an imported question, for whoever may read the course's content
 * (its enrolled students, its teacher, admins); null otherwise, as if it did
 * not exist. One statement.
 */
export async function loadQuestionFile(db: DbOrTx, actor: Actor, fileId: string) {
  const [row] = await db
    .select({
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      enrollmentStatus: enrollments.status,
      storageKey: storedFiles.storageKey,
      originalName: storedFiles.originalName,
      mimeType: storedFiles.mimeType,
      sizeBytes: storedFiles.sizeBytes,
    })
    .from(questionFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, questionFiles.fileId))
    .innerJoin(courses, eq(courses.id, questionFiles.courseId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(questionFiles.fileId, fileId));
  if (!row || !can(actor, "course.viewContent", row)) return null;
  return { storageKey: row.storageKey, originalName: row.originalName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
}
