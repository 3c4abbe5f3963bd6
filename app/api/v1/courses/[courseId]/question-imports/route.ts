import { importQuestionsContract } from "@/lib/api/contracts/question-bank";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { findBankCourse } from "@/lib/question-bank/access";
import { prepareImport } from "@/lib/question-bank/import/prepare-import";
import { saveImport } from "@/lib/question-bank/import/save-import";

// Also what the bank's import page sends the file to: preview first, then save.
export const POST = apiRoute(importQuestionsContract, async ({ db, user, params, query, file }) => {
  const course = await findBankCourse(db, user, params.courseId);
  if (!course) throw new ApiProblem("not_found", "This course does not exist, or you cannot edit its question bank.");
  const fileName = query.fileName ?? "upload";
  const prepared = prepareImport(query.format, file, fileName);
  const summary = prepared.questions.map(({ content: _content, ...question }) => question);
  if (query.mode === "preview") return { saved: false, questions: summary, problems: prepared.problems, imported: 0 };
  const saved = await saveImport(db, user, { courseId: course.id, categoryId: query.categoryId ?? null, format: query.format, fileName, prepared });
  return { saved: true, questions: summary, problems: prepared.problems, imported: saved.imported };
});
