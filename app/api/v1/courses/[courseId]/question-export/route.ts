import { exportQuestionsContract } from "@/lib/api/contracts/question-bank";
import { ApiProblem } from "@/lib/api/problem";
import { ApiFile, apiRoute } from "@/lib/api/route";
import { exportQuestions } from "@/lib/question-bank/export/export-questions";

export const GET = apiRoute(exportQuestionsContract, async ({ db, user, params, query }) => {
  const exported = await exportQuestions(db, user, { courseId: params.courseId, format: query.format, categoryId: query.categoryId, taskId: query.taskId });
  if (!exported) throw new ApiProblem("not_found", "This course does not exist, or you cannot edit its question bank.");
  return new ApiFile(exported.data, exported.contentType, exported.fileName, { "Jeevi-Skipped": String(exported.skipped.length) });
});
