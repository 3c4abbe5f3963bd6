import "server-only";
import type { Database } from "@/db";
import type { StoredFile } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { describeSize, uploadLimit } from "./limits";
import { loadCourseToUpdate } from "./owned-course";
import { receiveFile, RejectedFile, type ReceivedFile } from "./receive-file";
import type { UploadQuery } from "./schemas";
import { discardStoredObject, insertStoredFile } from "./store-file";

export type UploadOutcome = { ok: true; file: StoredFile } | { ok: false; status: 400 | 404 | 413 | 415; error: string };

const statusFor: Record<RejectedFile["reason"], 400 | 413 | 415> = { empty: 400, "too-large": 413, type: 415 };

export interface UploadInput extends UploadQuery {
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length, when it sent one. */
  declaredLength: number | null;
  ip: string | null;
}

/**
 * Stores a file uploaded for a course the actor may change, and records it
 * with an audit entry. The bytes stream into storage before any transaction
 * opens, so a long upload never holds a database connection.
 */
export async function uploadCourseFile(db: Database, actor: Actor, input: UploadInput): Promise<UploadOutcome> {
  const course = await loadCourseToUpdate(db, actor, input.courseId);
  if (!course) return { ok: false, status: 404, error: "Course not found." };
  const limit = uploadLimit(input.kind);
  if (input.declaredLength !== null && input.declaredLength > limit.maxBytes) {
    return { ok: false, status: 413, error: `The file is larger than ${describeSize(limit.maxBytes)}.` };
  }
  let received: ReceivedFile;
  try {
    received = await receiveFile({
      content: input.body,
      originalName: input.name,
      allowedKinds: limit.accepts,
      maxBytes: limit.maxBytes,
    });
  } catch (error) {
    if (error instanceof RejectedFile) return { ok: false, status: statusFor[error.reason], error: error.userMessage };
    throw error;
  }
  try {
    const file = await db.transaction(async (tx) => {
      const row = await insertStoredFile(tx, received, { uploadedBy: actor.id, courseId: course.id });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "file.uploaded",
        entityType: "stored_file",
        entityId: row.id,
        after: { courseId: course.id, name: row.originalName, mimeType: row.mimeType, sizeBytes: row.sizeBytes },
        ip: input.ip,
      });
      return row;
    });
    return { ok: true, file };
  } catch (error) {
    await discardStoredObject(received.storageKey);
    throw error;
  }
}
