import { z } from "zod";
import { db } from "@/db";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { loadCourseFile } from "@/lib/courses/course-file";
import { serveStoredFile } from "@/lib/storage/serve-file";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A file a course's lessons show or link to, for the course's readers; everyone else, guests included, gets the same not-found.
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  if (!z.uuid().safeParse(fileId).success) return notFound();
  const user = await userOfRequest(db, request);
  if (!user) return notFound();
  const file = await loadCourseFile(db, user, fileId);
  return file ? await serveStoredFile(file, request) : notFound();
}
