import { listLessonCompletionsContract } from "@/lib/api/contracts/learning";
import { pageOf } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { listMyCompletionsAfter } from "@/lib/progress/queries";

export const GET = apiRoute(listLessonCompletionsContract, async ({ db, user, query, url }) => {
  const rows = await listMyCompletionsAfter(db, user, query);
  return pageOf(url, rows, query.limit, ({ lessonId, courseId, completedAt }) => ({
    lessonId,
    courseId,
    completedAt: completedAt.toISOString(),
  }));
});
