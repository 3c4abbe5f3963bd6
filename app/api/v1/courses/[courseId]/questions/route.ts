import { createBankQuestionContract, listBankQuestionsContract } from "@/lib/api/contracts/question-bank";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { bankQuestionAnswer } from "@/lib/question-bank/api-views";
import { parseBankParams } from "@/lib/question-bank/bank-params";
import { saveBankQuestion } from "@/lib/question-bank/manage-questions";
import { loadQuestionBank } from "@/lib/question-bank/queries";

export const GET = apiRoute(listBankQuestionsContract, async ({ db, user, params, query, url }) => {
  const view = await loadQuestionBank(db, user, params.courseId, parseBankParams({ ...query, page: String(query.page) }));
  if (!view) throw new ApiProblem("not_found", "This course does not exist, or you cannot edit its question bank.");
  const next = view.page * view.pageSize < view.total ? new URL(url) : null;
  next?.searchParams.set("page", String(view.page + 1));
  return {
    data: view.rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
    total: view.total,
    next: next ? `${next.pathname}${next.search}` : null,
  };
});

export const POST = apiRoute(createBankQuestionContract, async ({ db, user, params, body }) => {
  const saved = await saveBankQuestion(db, user, { courseId: params.courseId, entryId: null, ...body });
  return bankQuestionAnswer(db, user, params.courseId, saved.entryId);
});
