import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessons, modules, storedFiles } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";

/**
 * The file of a lesson, when the actor may see the lesson's content (enrolled
 * students, the course's teacher, admins); null otherwise, as if it did not
 * exist. One statement.
 */
export async function loadLessonFile(db: DbOrTx, actor: Actor, lessonId: string) {
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
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(storedFiles, eq(storedFiles.id, lessons.fileId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(lessons.id, lessonId));
  if (!row || !can(actor, "course.viewContent", row)) return null;
  return { storageKey: row.storageKey, originalName: row.originalName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
}
