import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessons, modules, storedFiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { enrollmentOf, readableFile, readableFileColumns } from "@/lib/courses/readable-file";
import { releaseStateOf } from "@/lib/pacing/require-released";

/**
 * The file of a lesson, when the actor may see the lesson's content (enrolled
 * students, the course's teacher, admins); null otherwise, as if it did not
 * exist. `locked` is true for a student whose lesson is not released yet:
 * the route then refuses it.
 * Two statements for a course without rules.
 */
export async function loadLessonFile(db: DbOrTx, actor: Actor, lessonId: string, now: Date = new Date()) {
  const [row] = await db
    .select({ ...readableFileColumns, courseId: courses.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(storedFiles, eq(storedFiles.id, lessons.fileId))
    .leftJoin(enrollments, enrollmentOf(actor))
    .where(eq(lessons.id, lessonId));
  const file = readableFile(actor, row);
  if (!file || !row) return null;
  const state = await releaseStateOf(db, actor, row.courseId, { kind: "lesson", id: lessonId }, now);
  return { ...file, locked: !state.open };
}
