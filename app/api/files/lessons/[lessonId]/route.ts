import { db } from "@/db";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { loadLessonFile } from "@/lib/learn/lesson-file";
import { lessonIdParam } from "@/lib/learn/params";
import { serveStoredFile } from "@/lib/storage/serve-file";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
const locked = () =>
  new Response("This lesson is locked: it is not open to you yet.", {
    status: 403,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });

// A lesson's document or video, for the readers the policy allows; everyone
// else, guests included, gets the same not-found. A student whose lesson is
// not released yet gets 403: the link cannot open what the page would not.
export async function GET(request: Request, { params }: { params: Promise<{ lessonId: string }> }) {
  const { lessonId } = await params;
  if (!lessonIdParam.safeParse(lessonId).success) return notFound();
  const user = await userOfRequest(db, request);
  if (!user) return notFound();
  const file = await loadLessonFile(db, user, lessonId);
  if (file?.locked) return locked();
  return file ? await serveStoredFile(file, request) : notFound();
}
