import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAttempts, quizChoices, taskProgress } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { loadResolvedSlots } from "@/lib/quizzes/quiz-slots";
import { buildAttemptOrder } from "./attempt-order";
import { drawAttemptQuestions } from "./draw-questions";
import { closeExpiredAttempts } from "./close-expired-attempts";
import { attemptDeadline, isPastDeadline } from "./deadline";
import { loadTakeableQuiz } from "./quiz-context";

export const quizNotFoundMessage = "This quiz does not exist or you are not enrolled in its course.";

export interface StartedAttempt {
  attemptId: string;
  attemptNumber: number;
  slug: string;
  taskId: string;
  /** False when the student's open attempt was handed back instead. */
  created: boolean;
}

/**
 * Starts an attempt, or hands back the one already open. Parallel starts by
 * the same student queue on the lock of its enrolment row, so each sees what
 * the one before it committed: one attempt, numbers that never repeat, and the
 * attempts limit counted exactly. The partial unique index on open attempts
 * backs this up should any other path ever insert one.
 */
export async function startAttempt(
  tx: DbOrTx,
  actor: Actor,
  taskId: string,
  { now = new Date(), random = Math.random }: { now?: Date; random?: () => number } = {},
): Promise<StartedAttempt> {
  const quiz = await loadTakeableQuiz(tx, actor, taskId, { lockEnrollment: true });
  if (!quiz) missing(quizNotFoundMessage);
  await closeExpiredAttempts(tx, { taskId, userId: actor.id, now });

  const attempts = await tx
    .select({ id: quizAttempts.id, attemptNumber: quizAttempts.attemptNumber, status: quizAttempts.status })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.taskId, taskId), eq(quizAttempts.userId, actor.id)));
  const open = attempts.find((attempt) => attempt.status === "in_progress");
  const base = { slug: quiz.courseSlug, taskId };
  if (open) return { ...base, attemptId: open.id, attemptNumber: open.attemptNumber, created: false };

  if (quiz.attemptsAllowed !== null && attempts.length >= quiz.attemptsAllowed) {
    fail(
      quiz.attemptsAllowed === 1
        ? "You have already used your attempt at this quiz."
        : `You have used all ${quiz.attemptsAllowed} attempts at this quiz.`,
    );
  }
  if (quiz.dueAt && isPastDeadline(quiz.dueAt, now)) fail("This quiz was due already; it takes no new attempts.");

  const { slots } = await loadResolvedSlots(tx, quiz.courseId, taskId);
  if (slots.length === 0) fail("This quiz has no questions yet.");
  const draw = drawAttemptQuestions(slots, random);
  if (!draw.ok) fail("This quiz cannot start: its question bank has too few questions for it. Tell your teacher.");
  const choices = await tx
    .select({ id: quizChoices.id, questionId: quizChoices.questionId })
    .from(quizChoices)
    .where(inArray(quizChoices.questionId, draw.questionIds))
    .orderBy(asc(quizChoices.position), asc(quizChoices.id));
  const order = buildAttemptOrder(
    draw.questionIds.map((id) => ({
      id,
      choiceIds: choices.filter((choice) => choice.questionId === id).map((choice) => choice.id),
    })),
    quiz,
    random,
  );

  const attemptNumber = Math.max(0, ...attempts.map((attempt) => attempt.attemptNumber)) + 1;
  const [created] = await tx
    .insert(quizAttempts)
    .values({
      taskId,
      userId: actor.id,
      attemptNumber,
      startedAt: now,
      deadlineAt: attemptDeadline(now, quiz.timeLimitMinutes, quiz.dueAt),
      questionOrder: order.questionOrder,
      choiceOrder: order.choiceOrder,
      questionPoints: draw.points,
    })
    .returning({ id: quizAttempts.id });
  // The task counts as begun; a graded or completed status is never moved back.
  await tx
    .insert(taskProgress)
    .values({ userId: actor.id, taskId, status: "in_progress", startedAt: now })
    .onConflictDoUpdate({
      target: [taskProgress.userId, taskProgress.taskId],
      set: { startedAt: sql`coalesce(${taskProgress.startedAt}, excluded.started_at)`, updatedAt: now },
    });
  return { ...base, attemptId: created!.id, attemptNumber, created: true };
}
