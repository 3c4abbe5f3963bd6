import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseFiles, courses, enrollments, storedFiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { enrollmentOf, readableFile, readableFileColumns } from "./readable-file";

/**
 * A file a course's text shows or links to (an imported page's image or
 * document), for whoever may read the course's content (its enrolled students,
 * its teacher, admins); null otherwise, as if it did not exist. One statement.
 */
export async function loadCourseFile(db: DbOrTx, actor: Actor, fileId: string) {
  const [row] = await db
    .select(readableFileColumns)
    .from(courseFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, courseFiles.fileId))
    .innerJoin(courses, eq(courses.id, courseFiles.courseId))
    .leftJoin(enrollments, enrollmentOf(actor))
    .where(eq(courseFiles.fileId, fileId));
  return readableFile(actor, row);
}
