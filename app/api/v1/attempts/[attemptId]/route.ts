import { attemptJson, getAttemptContract } from "@/lib/api/contracts/quizzes";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { loadAttemptForReader } from "@/lib/quizzes/attempt-reader";
import { attemptNotFoundMessage } from "@/lib/quizzes/taking/messages";

export const GET = apiRoute(getAttemptContract, async ({ db, user, params }) => {
  const view = await loadAttemptForReader(db, user, params.attemptId);
  if (!view) throw new ApiProblem("not_found", attemptNotFoundMessage);
  return attemptJson(view);
});
