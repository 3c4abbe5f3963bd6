import { z } from "zod";
import { db } from "@/db";
import { loadSubmissionFile } from "@/lib/assignments/submission-file";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { serveStoredFile } from "@/lib/storage/serve-file";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A handed-in file, for its student, the course's teacher and admins; anyone
// else, another student included, gets the same not-found as a missing file.
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  if (!z.uuid().safeParse(fileId).success) return notFound();
  const user = await userOfRequest(db, request);
  if (!user) return notFound();
  const file = await loadSubmissionFile(db, user, fileId);
  return file ? await serveStoredFile(file, request) : notFound();
}
