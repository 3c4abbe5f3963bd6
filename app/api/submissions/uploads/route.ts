import { submissionUploadQuery, uploadSubmissionFile } from "@/lib/assignments/upload-submission-file";
import { uploadRoute } from "@/lib/storage/upload-route";

/**
 * POST /api/submissions/uploads?taskId=…&name=… with the file's raw bytes:
 * a student's file for an assignment, checked against its types and size.
 * Answers 201 { id, name, sizeBytes, mimeType }, or { error } with 401, 404,
 * 400, 403 (not released yet), 409 (closed), 413 or 415. The file is handed in by the submit action.
 */
export const POST = uploadRoute({
  query: submissionUploadQuery,
  upload: (db, user, query, { body, declaredLength }) => uploadSubmissionFile(db, user, { ...query, body, declaredLength }),
  logAs: "submission upload",
});
