import { db } from "@/db";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { loadLessonFile } from "@/lib/learn/lesson-file";
import { lessonIdParam } from "@/lib/learn/params";
import { serveStoredFile } from "@/lib/storage/serve-file";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A lesson's document or video, for the readers the policy allows; everyone
// else, guests included, gets the same not-found.
export async function GET(request: Request, { params }: { params: Promise<{ lessonId: string }> }) {
  const { lessonId } = await params;
  if (!lessonIdParam.safeParse(lessonId).success) return notFound();
  const user = await userOfRequest(db, request);
  if (!user) return notFound();
  const file = await loadLessonFile(db, user, lessonId);
  return file ? await serveStoredFile(file, request) : notFound();
}
