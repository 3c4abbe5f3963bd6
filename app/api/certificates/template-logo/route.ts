import { logoUploadQuery, uploadTemplateLogo } from "@/lib/certificates/upload-logo";
import { uploadRoute } from "@/lib/storage/upload-route";

/**
 * POST /api/certificates/template-logo?templateId=…&name=… with the image's raw
 * bytes as the body: an admin sets a certificate template's logo (PNG or JPEG,
 * at most 1 MB). Answers 201 { id, name, sizeBytes, mimeType }, or { error }
 * with 401, 404, 400, 413 or 415.
 */
export const POST = uploadRoute({
  query: logoUploadQuery,
  upload: (db, user, query, { body, declaredLength, ip }) => uploadTemplateLogo(db, user, { ...query, body, declaredLength, ip }),
  logAs: "certificate-logo",
});
