import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { storedFiles, submissionFiles, submissions, type Submission } from "@/db/schema";

export interface VersionFile {
  id: string;
  name: string;
  sizeBytes: number;
  mimeType: string;
}

export type SubmissionVersion = Submission & { files: VersionFile[] };

/** Every version of one student's work on one assignment, newest first, with their files. Two statements. */
export async function loadVersions(db: DbOrTx, where: { taskId: string; userId: string }): Promise<SubmissionVersion[]> {
  const rows = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.taskId, where.taskId), eq(submissions.userId, where.userId)))
    .orderBy(desc(submissions.version));
  if (rows.length === 0) return [];
  const files = await db
    .select({
      submissionId: submissionFiles.submissionId,
      id: storedFiles.id,
      name: storedFiles.originalName,
      sizeBytes: storedFiles.sizeBytes,
      mimeType: storedFiles.mimeType,
    })
    .from(submissionFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, submissionFiles.fileId))
    .where(inArray(submissionFiles.submissionId, rows.map((row) => row.id)))
    .orderBy(asc(submissionFiles.position));
  return rows.map((row) => ({
    ...row,
    files: files.filter((file) => file.submissionId === row.id).map(({ submissionId: _submissionId, ...file }) => file),
  }));
}
