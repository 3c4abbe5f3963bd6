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
  const files = await loadSubmissionFiles(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, files: files.get(row.id) ?? [] }));
}

/** The files of some submissions, each submission's in the order the student chose. One statement (none for no submissions). */
export async function loadSubmissionFiles(db: DbOrTx, submissionIds: readonly string[]): Promise<Map<string, VersionFile[]>> {
  const bySubmission = new Map<string, VersionFile[]>();
  if (submissionIds.length === 0) return bySubmission;
  const rows = await db
    .select({
      submissionId: submissionFiles.submissionId,
      id: storedFiles.id,
      name: storedFiles.originalName,
      sizeBytes: storedFiles.sizeBytes,
      mimeType: storedFiles.mimeType,
    })
    .from(submissionFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, submissionFiles.fileId))
    .where(inArray(submissionFiles.submissionId, [...submissionIds]))
    .orderBy(asc(submissionFiles.position));
  for (const { submissionId, ...file } of rows) bySubmission.set(submissionId, [...(bySubmission.get(submissionId) ?? []), file]);
  return bySubmission;
}
