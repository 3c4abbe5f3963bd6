import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessons, modules, storedFiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { enrollmentOf, readableFile, readableFileColumns } from "@/lib/courses/readable-file";

/**
 * The file of a lesson, when the actor may see the lesson's content (enrolled
 * students, the course's teacher, admins); null otherwise, as if it did not
 * exist. One statement.
 */
export async function loadLessonFile(db: DbOrTx, actor: Actor, lessonId: string) {
  const [row] = await db
    .select(readableFileColumns)
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(storedFiles, eq(storedFiles.id, lessons.fileId))
    .leftJoin(enrollments, enrollmentOf(actor))
    .where(eq(lessons.id, lessonId));
  return readableFile(actor, row);
}
