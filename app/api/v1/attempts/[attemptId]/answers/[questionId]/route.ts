import { saveAnswerContract } from "@/lib/api/contracts/quizzes";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { KeptRefusal } from "@/lib/actions/result";
import { can } from "@/lib/auth/policy";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";

// Autosave of one answer, by the same domain function as the attempt page.
export const PUT = apiRoute(saveAnswerContract, async ({ db, user, params, body }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students answer quizzes.");
  const saved = await saveAnswer(db, user, { attemptId: params.attemptId, questionId: params.questionId, response: body.response });
  if (saved instanceof KeptRefusal) return saved;
  return { attemptId: params.attemptId, questionId: saved.questionId, savedAt: saved.savedAt };
});
