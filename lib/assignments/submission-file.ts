import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, storedFiles, submissionFiles, submissions, type StoredFile } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { teachesStudentSection } from "@/lib/sections/section-scope";

/**
 * A file handed in (or uploaded to hand in), for the people who may read it:
 * the student who uploaded it, and for a handed-in file the course's teacher,
 * a section teacher of the student (who grades it) and admins. Anyone else, another student included, gets null (not found).
 * One statement.
 */
export async function loadSubmissionFile(db: DbOrTx, actor: Actor, fileId: string): Promise<StoredFile | null> {
  const rows = await db
    .select({
      file: storedFiles,
      submissionUserId: submissions.userId,
      courseTeacherId: courses.teacherId,
      teachesStudentSection: teachesStudentSection(actor, courses.id, submissions.userId),
    })
    .from(storedFiles)
    .leftJoin(submissionFiles, eq(submissionFiles.fileId, storedFiles.id))
    .leftJoin(submissions, eq(submissions.id, submissionFiles.submissionId))
    .leftJoin(learningTasks, eq(learningTasks.id, submissions.taskId))
    .leftJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(eq(storedFiles.id, fileId), or(eq(storedFiles.uploadedBy, actor.id), eq(submissionFiles.fileId, fileId))));
  for (const row of rows) {
    if (row.file.uploadedBy === actor.id && actor.role === "student") return row.file;
    if (row.submissionUserId && row.courseTeacherId && can(actor, "submission.view", { userId: row.submissionUserId, courseTeacherId: row.courseTeacherId, actorTeachesStudentSection: row.teachesStudentSection })) {
      return row.file;
    }
  }
  return null;
}
