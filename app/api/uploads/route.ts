import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { db } from "@/db";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/current-user";
import { uploadQuery } from "@/lib/storage/schemas";
import { uploadCourseFile } from "@/lib/storage/upload-course-file";

const json = (status: number, body: object) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * POST /api/uploads?courseId=…&kind=document|video&name=… with the file's raw
 * bytes as the body (a route handler, not a server action: actions stop at
 * 1 MB). Answers 201 { id, name, sizeBytes, mimeType }, or { error } with 401,
 * 404 (not the user's course), 400, 413 or 415.
 */
export async function POST(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) return json(401, { error: "Sign in to upload files." });
    const query = uploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return json(400, { error: query.error.issues[0]!.message });
    const outcome = await uploadCourseFile(db, user, {
      ...query.data,
      body: request.body,
      declaredLength: declaredLength(request.headers),
      ip: clientIpFrom(request.headers),
    });
    if (!outcome.ok) return json(outcome.status, { error: outcome.error });
    const { id, originalName, sizeBytes, mimeType } = outcome.file;
    return json(201, { id, name: originalName, sizeBytes, mimeType });
  } catch (error) {
    unstable_rethrow(error);
    // Database and storage text stays in the server log, under the reference the user sees.
    const reference = randomUUID().slice(0, 8);
    console.error(`[upload] error ${reference}`, error);
    return json(500, { error: `Upload failed (reference ${reference}).` });
  }
}
