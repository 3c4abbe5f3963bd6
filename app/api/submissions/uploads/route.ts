import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { db } from "@/db";
import { submissionUploadQuery, uploadSubmissionFile } from "@/lib/assignments/upload-submission-file";
import { identifyRequest } from "@/lib/api/authenticate-request";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";
import { declaredLength, uploadAnswer } from "@/lib/storage/upload-request";
import { logger } from "@/lib/logging/logger.mjs";

/**
 * POST /api/submissions/uploads?taskId=…&name=… with the file's raw bytes:
 * a student's file for an assignment, checked against its types and size.
 * Answers 201 { id, name, sizeBytes, mimeType }, or { error } with 401, 404,
 * 400, 409 (closed), 413 or 415. The file is handed in by the submit action.
 */
export async function POST(request: Request) {
  try {
    const identity = await identifyRequest(db, request);
    // A token may upload from anywhere; the cookie only from this site's own pages.
    if (identity.kind === "session" && isCrossSiteWrite(request)) return crossSiteRefusal(new URL(request.url).pathname);
    const user = identity.user;
    if (!user) return uploadAnswer(401, { error: "Sign in to upload files." });
    const query = submissionUploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return uploadAnswer(400, { error: query.error.issues[0]!.message });
    const outcome = await uploadSubmissionFile(db, user, {
      ...query.data,
      body: request.body,
      declaredLength: declaredLength(request.headers),
    });
    if (!outcome.ok) return uploadAnswer(outcome.status, { error: outcome.error });
    const { id, originalName, sizeBytes, mimeType } = outcome.file;
    return uploadAnswer(201, { id, name: originalName, sizeBytes, mimeType });
  } catch (error) {
    unstable_rethrow(error);
    const reference = randomUUID().slice(0, 8);
    logger().error({ errorId: reference, err: error }, "submission upload: unexpected error");
    return uploadAnswer(500, { error: `Upload failed (reference ${reference}).` });
  }
}
