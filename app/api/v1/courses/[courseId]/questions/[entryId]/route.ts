import { deleteBankQuestionContract, getBankQuestionContract, updateBankQuestionContract } from "@/lib/api/contracts/question-bank";
import { apiRoute } from "@/lib/api/route";
import { bankQuestionAnswer } from "@/lib/question-bank/api-views";
import { deleteBankQuestion, saveBankQuestion } from "@/lib/question-bank/manage-questions";

export const GET = apiRoute(getBankQuestionContract, async ({ db, user, params }) => bankQuestionAnswer(db, user, params.courseId, params.entryId));

export const PUT = apiRoute(updateBankQuestionContract, async ({ db, user, params, body }) => {
  await saveBankQuestion(db, user, { courseId: params.courseId, entryId: params.entryId, ...body });
  return bankQuestionAnswer(db, user, params.courseId, params.entryId);
});

export const DELETE = apiRoute(deleteBankQuestionContract, async ({ db, user, params }) => {
  const deleted = await deleteBankQuestion(db, user, { courseId: params.courseId, entryId: params.entryId });
  return { entryId: deleted.entryId, keptForAttempts: deleted.keptForAttempts };
});
