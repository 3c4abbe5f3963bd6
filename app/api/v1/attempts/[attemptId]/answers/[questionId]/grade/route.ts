import { gradeEssayContract } from "@/lib/api/contracts/quiz-grading";
import { apiRoute } from "@/lib/api/route";
import { gradeEssayAnswer } from "@/lib/quizzes/grading/grade-essay-answer";

// A teacher's score and comment for one essay, by the same domain function as the attempt page's form.
export const PUT = apiRoute(gradeEssayContract, async ({ db, user, params, body }) => {
  const graded = await gradeEssayAnswer(db, user, { attemptId: params.attemptId, questionId: params.questionId, ...body });
  return {
    attemptId: graded.attemptId,
    questionId: graded.questionId,
    points: graded.points,
    comment: graded.comment,
    attempt: { scorePoints: graded.scorePoints, maxPoints: graded.maxPoints, scorePercent: graded.scorePercent, gradingPending: graded.gradingPending },
  };
});
