import { uploadQuery } from "@/lib/storage/schemas";
import { uploadCourseFile } from "@/lib/storage/upload-course-file";
import { uploadRoute } from "@/lib/storage/upload-route";

/**
 * POST /api/uploads?courseId=…&kind=document|video&name=… with the file's raw
 * bytes as the body: a teacher's file for a course's lessons. Answers 201
 * { id, name, sizeBytes, mimeType }, or { error } with 401, 404 (not the
 * user's course), 400, 413 or 415.
 */
export const POST = uploadRoute({
  query: uploadQuery,
  upload: (db, user, query, { body, declaredLength, ip }) => uploadCourseFile(db, user, { ...query, body, declaredLength, ip }),
  logAs: "upload",
});
