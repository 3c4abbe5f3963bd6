import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseFiles, courses, enrollments, storedFiles } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";

/**
 * A file a course's text shows or links to (an imported page's image or
 * document), for whoever may read the course's content (its enrolled students,
 * its teacher, admins); null otherwise, as if it did not exist. One statement.
 */
export async function loadCourseFile(db: DbOrTx, actor: Actor, fileId: string) {
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
    .from(courseFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, courseFiles.fileId))
    .innerJoin(courses, eq(courses.id, courseFiles.courseId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(courseFiles.fileId, fileId));
  if (!row || !can(actor, "course.viewContent", row)) return null;
  return { storageKey: row.storageKey, originalName: row.originalName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
}
