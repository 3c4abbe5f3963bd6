import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { db } from "@/db";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { identifyRequest } from "@/lib/api/authenticate-request";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";
import { declaredLength, uploadAnswer } from "@/lib/storage/upload-request";
import { uploadQuery } from "@/lib/storage/schemas";
import { uploadCourseFile } from "@/lib/storage/upload-course-file";
import { logger } from "@/lib/logging/logger.mjs";

/**
 * POST /api/uploads?courseId=…&kind=document|video&name=… with the file's raw
 * bytes as the body (a route handler, not a server action: actions stop at
 * 1 MB). Answers 201 { id, name, sizeBytes, mimeType }, or { error } with 401,
 * 404 (not the user's course), 400, 413 or 415.
 */
export async function POST(request: Request) {
  try {
    const identity = await identifyRequest(db, request);
    // A token may upload from anywhere; the cookie only from this site's own pages.
    if (identity.kind === "session" && isCrossSiteWrite(request)) return crossSiteRefusal(new URL(request.url).pathname);
    const user = identity.user;
    if (!user) return uploadAnswer(401, { error: "Sign in to upload files." });
    const query = uploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return uploadAnswer(400, { error: query.error.issues[0]!.message });
    const outcome = await uploadCourseFile(db, user, {
      ...query.data,
      body: request.body,
      declaredLength: declaredLength(request.headers),
      ip: clientIpFrom(request.headers),
    });
    if (!outcome.ok) return uploadAnswer(outcome.status, { error: outcome.error });
    const { id, originalName, sizeBytes, mimeType } = outcome.file;
    return uploadAnswer(201, { id, name: originalName, sizeBytes, mimeType });
  } catch (error) {
    unstable_rethrow(error);
    // Database and storage text stays in the server log, under the reference the user sees.
    const reference = randomUUID().slice(0, 8);
    logger().error({ errorId: reference, err: error }, "upload: unexpected error");
    return uploadAnswer(500, { error: `Upload failed (reference ${reference}).` });
  }
}
