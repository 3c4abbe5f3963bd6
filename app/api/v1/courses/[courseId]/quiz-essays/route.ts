import { listCourseEssaysContract } from "@/lib/api/contracts/quiz-grading";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listCourseEssaysAfter } from "@/lib/quizzes/grading/essay-queue-api";

export const GET = apiRoute(listCourseEssaysContract, async ({ db, user, params, query, url }) => {
  const rows = await listCourseEssaysAfter(db, user, params.courseId, query);
  if (!rows) throw new ApiProblem("not_found", "This course does not exist, or you cannot grade its quizzes.");
  return pageOf(url, rows, query.limit, (row) => ({
    attemptId: row.attemptId,
    attemptNumber: row.attemptNumber,
    taskId: row.taskId,
    quizTitle: row.quizTitle,
    student: { id: row.studentId, name: row.studentName },
    // A closed attempt always has its submission time (a check constraint): the fallback never shows.
    submittedAt: (row.submittedAt ?? new Date(0)).toISOString(),
    essaysWaiting: row.essaysWaiting,
  }));
});
