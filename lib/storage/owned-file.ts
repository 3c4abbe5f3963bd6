import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, storedFiles, type StoredFile } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { idParam } from "./owned-course";

/**
 * The uploaded file, when it was uploaded for this course and the actor may
 * change the course; null otherwise. A lesson editor checks a fileId with it
 * before attaching the file, so no one can attach another course's file.
 */
export async function loadOwnedFile(db: DbOrTx, actor: Actor, fileId: string, courseId: string): Promise<StoredFile | null> {
  if (!idParam.safeParse(fileId).success || !idParam.safeParse(courseId).success) return null;
  const [row] = await db
    .select({ file: storedFiles, teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(storedFiles)
    .innerJoin(courses, eq(courses.id, storedFiles.courseId))
    .where(and(eq(storedFiles.id, fileId), eq(courses.id, courseId), taughtCourses(actor)));
  return row && can(actor, "course.update", row) ? row.file : null;
}
