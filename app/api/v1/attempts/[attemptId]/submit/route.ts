import { isoOrNull } from "@/lib/api/contract";
import { submitAttemptContract } from "@/lib/api/contracts/quizzes";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";

// Submit and grade, by the same domain function as the attempt page; submitting again answers the same.
export const POST = apiRoute(submitAttemptContract, async ({ db, user, params }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students submit quiz attempts.");
  const result = await submitAttempt(db, user, params.attemptId);
  return {
    attemptId: result.attemptId,
    taskId: result.taskId,
    status: result.status,
    deadlineAt: isoOrNull(result.deadlineAt),
    submittedAt: result.submittedAt.toISOString(),
    scorePoints: result.scorePoints,
    maxPoints: result.maxPoints,
    scorePercent: result.scorePercent,
  };
});
