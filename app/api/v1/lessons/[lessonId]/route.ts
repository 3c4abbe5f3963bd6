import { isoOrNull } from "@/lib/api/contract";
import { getLessonContract } from "@/lib/api/contracts/learning";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { loadLessonContent } from "@/lib/learn/lesson-content";

export const GET = apiRoute(getLessonContract, async ({ db, user, params }) => {
  const lesson = await loadLessonContent(db, user, params.lessonId);
  if (!lesson) throw new ApiProblem("not_found", "This lesson does not exist or you are not enrolled in its course.");
  return { ...lesson, completedAt: isoOrNull(lesson.completedAt) };
});
