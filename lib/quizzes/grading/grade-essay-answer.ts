import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, quizAnswers, quizAttempts, quizQuestions } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { roundPoints } from "@/lib/grading/round";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { mayGradeAttempt, selectAttemptsToGrade } from "./attempt-to-grade";
import {
  essayAttemptNotFoundMessage,
  essayNotAnsweredMessage,
  essayOpenAttemptMessage,
  essayQuestionNotFoundMessage,
  notAnEssayMessage,
  pointsAboveMaxMessage,
} from "./messages";
import type { GradeEssayValues } from "./schemas";

export interface EssayGradeOutcome {
  attemptId: string;
  questionId: string;
  courseId: string;
  taskId: string;
  slug: string;
  points: number;
  comment: string;
  /** The attempt after the re-grade: its score, and whether another essay still waits. */
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  gradingPending: boolean;
}

/**
 * The attempt, locked (FOR UPDATE) so two graders' saves on one attempt
 * re-grade it one after the other, when the actor may grade its quiz: the
 * course's teacher or an admin (ownership in the WHERE, then the policy).
 */
async function lockAttemptToGrade(tx: DbOrTx, actor: Actor, attemptId: string) {
  const [row] = await selectAttemptsToGrade(tx, actor, eq(quizAttempts.id, attemptId), {
    taskId: quizAttempts.taskId,
    userId: quizAttempts.userId,
    scorePoints: quizAttempts.scorePoints,
    courseId: courses.id,
    slug: courses.slug,
  }).for("update", { of: quizAttempts });
  if (!row || !mayGradeAttempt(actor, row)) missing(essayAttemptNotFoundMessage);
  return row;
}

/**
 * A teacher's score and comment for one essay answer of a closed attempt.
 * The attempt is then re-graded (its score, task progress and course
 * progress follow), the change is audited, and once no essay of the attempt
 * waits any more its student hears that the quiz is graded.
 */
export async function gradeEssayAnswer(tx: DbOrTx, actor: Actor, input: GradeEssayValues, now: Date = new Date()): Promise<EssayGradeOutcome> {
  const attempt = await lockAttemptToGrade(tx, actor, input.attemptId);
  if (attempt.status === "in_progress") fail(essayOpenAttemptMessage, {}, "conflict");
  if (!attempt.questionOrder.includes(input.questionId)) missing(essayQuestionNotFoundMessage);

  const [question] = await tx
    .select({ type: quizQuestions.type, points: quizQuestions.points })
    .from(quizQuestions)
    .where(eq(quizQuestions.id, input.questionId));
  if (!question) missing(essayQuestionNotFoundMessage);
  if (question.type !== "essay") fail(notAnEssayMessage, { questionId: [notAnEssayMessage] });
  const maxPoints = attempt.questionPoints[input.questionId] ?? question.points;
  if (input.points > maxPoints) fail(pointsAboveMaxMessage(maxPoints), { points: [pointsAboveMaxMessage(maxPoints)] });

  const [before] = await tx
    .select({ id: quizAnswers.id, manualPoints: quizAnswers.manualPoints, graderComment: quizAnswers.graderComment })
    .from(quizAnswers)
    .where(and(eq(quizAnswers.attemptId, attempt.id), eq(quizAnswers.questionId, input.questionId)));
  if (!before) fail(essayNotAnsweredMessage, { points: [essayNotAnsweredMessage] }, "conflict");

  const points = roundPoints(input.points);
  const comment = input.comment.trim();
  await tx
    .update(quizAnswers)
    .set({ manualPoints: points, graderComment: comment, gradedBy: actor.id, gradedAt: now })
    .where(eq(quizAnswers.id, before.id));
  const [graded] = await gradeClosedAttempts(tx, { taskId: attempt.taskId, attemptIds: [attempt.id], actorId: actor.id });
  const after = graded ?? { scorePoints: 0, maxPoints: 0, scorePercent: 0, pending: false };
  const gradingPending = after.pending === true;

  await recordAudit(tx, {
    actorId: actor.id,
    action: "quiz_answer.graded",
    entityType: "quiz_answer",
    entityId: before.id,
    before: { attemptId: attempt.id, questionId: input.questionId, points: before.manualPoints, comment: before.graderComment, attemptScore: attempt.scorePoints, gradingPending: attempt.gradingPending },
    after: { attemptId: attempt.id, questionId: input.questionId, points, comment, attemptScore: after.scorePoints, gradingPending },
  });

  if (!gradingPending) {
    await publish(
      tx,
      {
        type: "quiz.graded",
        aggregateId: attempt.id,
        payload: { attemptId: attempt.id, taskId: attempt.taskId, courseId: attempt.courseId, userId: attempt.userId, points: after.scorePoints, maxPoints: after.maxPoints },
      },
      actor.id,
    );
  }

  return {
    attemptId: attempt.id,
    questionId: input.questionId,
    courseId: attempt.courseId,
    taskId: attempt.taskId,
    slug: attempt.slug,
    points,
    comment,
    scorePoints: after.scorePoints,
    maxPoints: after.maxPoints,
    scorePercent: after.scorePercent,
    gradingPending,
  };
}
