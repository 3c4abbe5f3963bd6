import { isoOrNull } from "@/lib/api/contract";
import { getQuizContract } from "@/lib/api/contracts/quizzes";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { loadQuizForReader } from "@/lib/quizzes/quiz-reader";

export const GET = apiRoute(getQuizContract, async ({ db, user, params }) => {
  const quiz = await loadQuizForReader(db, user, params.taskId);
  if (!quiz) throw new ApiProblem("not_found", "This quiz does not exist or you are not enrolled in its course.");
  return { ...quiz, dueAt: isoOrNull(quiz.dueAt) };
});
