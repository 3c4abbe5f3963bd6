import "server-only";
import { z } from "zod";
import type { Database } from "@/db";
import type { StoredFile } from "@/db/schema";
import type { DetectedType } from "@/lib/storage/file-type";
import { can, type Actor } from "@/lib/auth/policy";
import { releaseStateOf } from "@/lib/pacing/require-released";
import { describeSize } from "@/lib/storage/limits";
import { receiveFile, RejectedFile, type ReceivedFile } from "@/lib/storage/receive-file";
import { discardStoredObject, insertStoredFile } from "@/lib/storage/store-file";
import { loadAssignmentInCourse } from "./assignment-access";
import { describeAllowedTypes, mimeAllowed } from "./file-types";
import { submissionWindow } from "./lateness";

export const submissionUploadQuery = z.object({
  taskId: z.string().max(100, "There is no such assignment.").default(""),
  name: z.string().max(1000, "A file name has at most 1000 characters.").default(""),
});

export type SubmissionUploadOutcome = { ok: true; file: StoredFile } | { ok: false; status: 400 | 403 | 404 | 413 | 415 | 409; error: string };

const megabyte = 1024 * 1024;
const statusFor: Record<RejectedFile["reason"], 400 | 413 | 415> = { empty: 400, "too-large": 413, type: 415 };

/**
 * Stores a file a student uploads for an assignment it may hand in to,
 * checked against that assignment's types (by content) and size limit. The
 * file is only the student's until it is handed in with `submitWork`.
 */
export async function uploadSubmissionFile(
  db: Database,
  actor: Actor,
  input: { taskId: string; name: string; body: ReadableStream<Uint8Array> | null; declaredLength: number | null },
): Promise<SubmissionUploadOutcome> {
  if (!z.uuid().safeParse(input.taskId).success) return { ok: false, status: 404, error: "Assignment not found." };
  const target = await loadAssignmentInCourse(db, actor, input.taskId);
  if (!target || target.task.status !== "published" || !can(actor, "assignment.submit", target.course)) {
    return { ok: false, status: 404, error: "Assignment not found." };
  }
  const release = await releaseStateOf(db, actor, target.course.id, { kind: "task", id: input.taskId }, new Date(), target.course.hasRules);
  if (!release.open) return { ok: false, status: 403, error: "This assignment is locked: it is not open to you yet." };
  const { assignment, task, course } = target;
  if (assignment.maxFiles === 0) return { ok: false, status: 400, error: "This assignment takes text only." };
  if (submissionWindow({ dueAt: task.dueAt, ...assignment }, new Date()) === "closed") {
    return { ok: false, status: 409, error: "The due date has passed and this assignment does not take late work." };
  }
  const maxBytes = assignment.maxFileSizeMb * megabyte;
  if (input.declaredLength !== null && input.declaredLength > maxBytes) {
    return { ok: false, status: 413, error: `The file is larger than ${describeSize(maxBytes)}.` };
  }
  let received: ReceivedFile;
  try {
    received = await receiveFile({
      content: input.body,
      originalName: input.name,
      allowedKinds: ["document", "image", "archive", "text"] satisfies DetectedType["kind"][],
      maxBytes,
    });
  } catch (error) {
    if (error instanceof RejectedFile) return { ok: false, status: statusFor[error.reason], error: error.userMessage };
    throw error;
  }
  if (!mimeAllowed(received.mimeType, assignment.allowedFileTypes)) {
    await discardStoredObject(received.storageKey);
    return { ok: false, status: 415, error: `This assignment takes ${describeAllowedTypes(assignment.allowedFileTypes)}.` };
  }
  try {
    return { ok: true, file: await insertStoredFile(db, received, { uploadedBy: actor.id, courseId: course.id }) };
  } catch (error) {
    await discardStoredObject(received.storageKey);
    throw error;
  }
}
