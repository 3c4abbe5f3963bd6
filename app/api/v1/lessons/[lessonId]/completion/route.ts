import { completeLessonContract } from "@/lib/api/contracts/learning";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { completeLesson } from "@/lib/progress/complete-lesson";

// The same rules as the Mark complete button: only students, then completeLesson decides the rest.
export const POST = apiRoute(completeLessonContract, async ({ db, user, params }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students complete lessons; teachers and admins preview them.");
  const result = await completeLesson(db, user, params.lessonId);
  return {
    lessonId: params.lessonId,
    courseId: result.courseId,
    newlyCompleted: result.newlyCompleted,
    progress: { percent: result.percent, completed: result.completed, required: result.required },
    enrollmentStatus: result.courseStatus,
  };
});
