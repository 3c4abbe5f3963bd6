import { packageUploadQuery, uploadCoursePackage } from "@/lib/course-transfer/transfers/upload-package";
import { uploadRoute } from "@/lib/storage/upload-route";

/**
 * POST /api/course-imports?name=… with a course backup (.zip) or a Common
 * Cartridge (.imscc) as the raw body, from the import page. The package is
 * stored, checked and read for its preview; answers 201 { id, name,
 * sizeBytes, mimeType } where id is the import's (its page is
 * /teacher/transfers/<id>), or { error } with 401, 403, 400 (not a course
 * package, damaged or unsafe: the reason), 413 or 415.
 */
export const POST = uploadRoute({
  query: packageUploadQuery,
  upload: uploadCoursePackage,
  logAs: "course import upload",
});
