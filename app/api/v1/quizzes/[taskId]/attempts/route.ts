import { isoOrNull } from "@/lib/api/contract";
import { attemptJson, listAttemptsContract, startAttemptContract } from "@/lib/api/contracts/quizzes";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { ApiReply, apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { loadAttemptForReader } from "@/lib/quizzes/attempt-reader";
import { listQuizAttemptsAfter } from "@/lib/quizzes/attempts-page";
import { quizNotFoundMessage, startAttempt } from "@/lib/quizzes/taking/start-attempt";

export const GET = apiRoute(listAttemptsContract, async ({ db, user, params, query, url }) => {
  const rows = await listQuizAttemptsAfter(db, user, params.taskId, query);
  if (!rows) throw new ApiProblem("not_found", quizNotFoundMessage);
  return pageOf(url, rows, query.limit, (row) => ({
    id: row.id,
    student: { id: row.studentId, name: row.studentName },
    attemptNumber: row.attemptNumber,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    deadlineAt: isoOrNull(row.deadlineAt),
    submittedAt: isoOrNull(row.submittedAt),
    scorePoints: row.scorePoints,
    maxPoints: row.maxPoints,
    scorePercent: row.scorePercent,
  }));
});

// The same domain function as the quiz page's Start button: a new attempt (201), or the open one handed back (200).
export const POST = apiRoute(startAttemptContract, async ({ db, user, params }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students take quizzes.");
  const started = await startAttempt(db, user, params.taskId);
  const view = await loadAttemptForReader(db, user, started.attemptId);
  if (!view) throw new ApiProblem("not_found", quizNotFoundMessage);
  return started.created ? attemptJson(view) : new ApiReply(200, attemptJson(view));
});
