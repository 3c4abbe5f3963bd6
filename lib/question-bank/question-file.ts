import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, questionFiles, storedFiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { enrollmentOf, readableFile, readableFileColumns } from "@/lib/courses/readable-file";

/**
 * An image of an imported question, for whoever may read the course's content
 * (its enrolled students, its teacher, admins); null otherwise, as if it did
 * not exist. One statement.
 */
export async function loadQuestionFile(db: DbOrTx, actor: Actor, fileId: string) {
  const [row] = await db
    .select(readableFileColumns)
    .from(questionFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, questionFiles.fileId))
    .innerJoin(courses, eq(courses.id, questionFiles.courseId))
    .leftJoin(enrollments, enrollmentOf(actor))
    .where(eq(questionFiles.fileId, fileId));
  return readableFile(actor, row);
}
