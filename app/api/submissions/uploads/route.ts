import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { db } from "@/db";
import { submissionUploadQuery, uploadSubmissionFile } from "@/lib/assignments/upload-submission-file";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { declaredLength, uploadAnswer } from "@/lib/storage/upload-request";


/**
 * POST /api/submissions/uploads?taskId=…&name=… with the file's raw bytes:
 * a student's file for an assignment, checked against its types and size.
 * Answers 201 { id, name, sizeBytes, mimeType }, or { error } with 401, 404,
 * 400, 409 (closed), 413 or 415. The file is handed in by the submit action.
 */
export async function POST(request: Request) {
  try {
    const user = await userOfRequest(db, request);
    if (!user) return uploadAnswer(401, { error: "Sign in to upload files." });
    const query = submissionUploadQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const outcome = await uploadSubmissionFile(db, user, {
      ...query,
      body: request.body,
      declaredLength: declaredLength(request.headers),
    });
    if (!outcome.ok) return uploadAnswer(outcome.status, { error: outcome.error });
    const { id, originalName, sizeBytes, mimeType } = outcome.file;
    return uploadAnswer(201, { id, name: originalName, sizeBytes, mimeType });
  } catch (error) {
    unstable_rethrow(error);
    const reference = randomUUID().slice(0, 8);
    console.error(`[submission upload] error ${reference}`, error);
    return uploadAnswer(500, { error: `Upload failed (reference ${reference}).` });
  }
}
