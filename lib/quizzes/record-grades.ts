import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, quizAnswers, quizAttempts, quizzes, taskProgress } from "@/db/schema";
import type { StoredResponse } from "@/db/schema/quizzes";
import { publishAll } from "@/lib/events/publish";
import { combineAttempts, gradeAttempt } from "@/lib/grading";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { attemptQuestions, loadGradableQuestions } from "./gradable-questions";

export interface GradedAttemptSummary {
  attemptId: string;
  userId: string;
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  /** Set (true) while an answered essay waits for a teacher's score: the score is provisional. */
  pending?: boolean;
}

/**
 * Grades closed (submitted or expired) attempts of one quiz, each against the
 * question versions it recorded at its start (with the quiz's grading settings
 * as they are now), and writes the results everywhere they show:
 * each answer, each attempt, each student's task progress (the attempts
 * combined by the quiz's grading method, status graded) and course progress.
 *
 * An essay earns the teacher's score (`manual_points`); an answered essay
 * without one leaves the attempt `grading_pending`, its answer ungraded (null
 * points) and its score counting only what is graded so far.
 *
 * Used on submit (one attempt), after a teacher grades an essay (that attempt)
 * and to re-grade after the teacher changed the questions (every closed
 * attempt: pass no `attemptIds`). The statement count does not grow with the
 * number of attempts or answers.
 */
export async function gradeClosedAttempts(
  tx: DbOrTx,
  { taskId, attemptIds, actorId = null }: { taskId: string; attemptIds?: string[]; actorId?: string | null },
): Promise<GradedAttemptSummary[]> {
  if (attemptIds && attemptIds.length === 0) return [];
  // The quiz's grading settings come with its attempts, in one statement.
  const rows = await tx
    .select({
      id: quizAttempts.id,
      userId: quizAttempts.userId,
      questionOrder: quizAttempts.questionOrder,
      questionPoints: quizAttempts.questionPoints,
      courseId: learningTasks.courseId,
      gradingMethod: quizzes.gradingMethod,
      partialCredit: quizzes.partialCredit,
      contentVersion: quizzes.contentVersion,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.taskId, quizAttempts.taskId))
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .where(
      and(
        eq(quizAttempts.taskId, taskId),
        ne(quizAttempts.status, "in_progress"),
        attemptIds ? inArray(quizAttempts.id, attemptIds) : undefined,
      ),
    );
  const [quiz] = rows;
  if (!quiz) return [];
  const attempts = rows;
  const versions = await loadGradableQuestions(tx, attempts.flatMap((attempt) => attempt.questionOrder));

  const answers = await tx
    .select({
      attemptId: quizAnswers.attemptId,
      questionId: quizAnswers.questionId,
      response: quizAnswers.response,
      manualPoints: quizAnswers.manualPoints,
    })
    .from(quizAnswers)
    .where(inArray(quizAnswers.attemptId, attempts.map((attempt) => attempt.id)));
  const responsesByAttempt = new Map<string, Map<string, StoredResponse>>();
  const manualByAttempt = new Map<string, Map<string, number>>();
  for (const answer of answers) {
    let responses = responsesByAttempt.get(answer.attemptId);
    if (!responses) responsesByAttempt.set(answer.attemptId, (responses = new Map()));
    responses.set(answer.questionId, answer.response);
    if (answer.manualPoints === null) continue;
    let manual = manualByAttempt.get(answer.attemptId);
    if (!manual) manualByAttempt.set(answer.attemptId, (manual = new Map()));
    manual.set(answer.questionId, answer.manualPoints);
  }

  const summaries: GradedAttemptSummary[] = [];
  const answerValues = [];
  for (const attempt of attempts) {
    const responses = responsesByAttempt.get(attempt.id) ?? new Map<string, StoredResponse>();
    const options = { partialCredit: quiz.partialCredit, manualPoints: manualByAttempt.get(attempt.id) };
    const grade = gradeAttempt(attemptQuestions(attempt, versions), responses, options);
    summaries.push({ attemptId: attempt.id, userId: attempt.userId, ...grade });
    for (const question of grade.questions) {
      if (!responses.has(question.questionId)) continue;
      // An essay awaiting its score is not graded yet: null, not a zero the review would show as wrong.
      const isCorrect = question.pending ? null : question.isCorrect;
      const points = question.pending ? null : question.pointsAwarded;
      answerValues.push(sql`(${attempt.id}::uuid, ${question.questionId}::uuid, ${isCorrect}::boolean, ${points}::numeric)`);
    }
  }

  if (answerValues.length > 0) {
    await tx.execute(sql`
      UPDATE quiz_answers AS a SET is_correct = v.is_correct, points_awarded = v.points
      FROM (VALUES ${sql.join(answerValues, sql`, `)}) AS v(attempt_id, question_id, is_correct, points)
      WHERE a.attempt_id = v.attempt_id AND a.question_id = v.question_id`);
  }
  const attemptValues = summaries.map(
    (summary) =>
      sql`(${summary.attemptId}::uuid, ${summary.scorePoints}::numeric, ${summary.maxPoints}::integer, ${summary.scorePercent}::numeric, ${summary.pending === true}::boolean)`,
  );
  await tx.execute(sql`
    UPDATE quiz_attempts AS q
    SET score_points = v.points, max_points = v.max_points, score_percent = v.percent,
        grading_pending = v.pending, graded_version = ${quiz.contentVersion}, updated_at = now()
    FROM (VALUES ${sql.join(attemptValues, sql`, `)}) AS v(id, points, max_points, percent, pending)
    WHERE q.id = v.id`);

  await recordQuizScores(tx, { taskId, courseId: quiz.courseId, gradingMethod: quiz.gradingMethod, userIds: [...new Set(attempts.map((a) => a.userId))], actorId });
  return summaries;
}

/**
 * Each student's quiz score (its graded attempts combined by the grading
 * method) into task progress, then course progress from the rows. A closed
 * attempt not graded yet (an expired one the sweep has not reached) has no
 * score, and one waiting for an essay's score has only a provisional one: both
 * are left out, never counted as zero. A student whose closed attempts all
 * wait for a teacher has handed the quiz in but is not graded: its progress is
 * `submitted`, without points, until the teacher's score arrives.
 */
async function recordQuizScores(
  tx: DbOrTx,
  {
    taskId,
    courseId,
    gradingMethod,
    userIds,
    actorId,
  }: { taskId: string; courseId: string; gradingMethod: Parameters<typeof combineAttempts>[0]; userIds: string[]; actorId: string | null },
) {
  const closed = await tx
    .select({
      userId: quizAttempts.userId,
      attemptNumber: quizAttempts.attemptNumber,
      scorePoints: quizAttempts.scorePoints,
      maxPoints: quizAttempts.maxPoints,
      gradingPending: quizAttempts.gradingPending,
    })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.taskId, taskId),
        ne(quizAttempts.status, "in_progress"),
        isNotNull(quizAttempts.scorePoints),
        inArray(quizAttempts.userId, userIds),
      ),
    );

  const byUser = new Map<string, { attemptNumber: number; scorePoints: number; maxPoints: number }[]>();
  for (const row of closed) {
    const list = byUser.get(row.userId) ?? [];
    if (!row.gradingPending) list.push({ attemptNumber: row.attemptNumber, scorePoints: row.scorePoints ?? 0, maxPoints: row.maxPoints ?? 0 });
    byUser.set(row.userId, list);
  }
  const values = [...byUser].map(([userId, list]) => {
    const points = combineAttempts(gradingMethod, list);
    return sql`(${userId}::uuid, ${points}::numeric, ${points !== null}::boolean)`;
  });
  if (values.length === 0) return;
  await tx.execute(sql`
    INSERT INTO ${taskProgress} (user_id, task_id, status, points_earned, started_at, completed_at)
    SELECT v.user_id, ${taskId}::uuid, (CASE WHEN v.graded THEN 'graded' ELSE 'submitted' END)::task_progress_status,
      v.points, now(), CASE WHEN v.graded THEN now() END
    FROM (VALUES ${sql.join(values, sql`, `)}) AS v(user_id, points, graded)
    ON CONFLICT (user_id, task_id) DO UPDATE
    SET status = excluded.status, points_earned = excluded.points_earned,
        completed_at = CASE WHEN excluded.status = 'graded' THEN coalesce(${taskProgress}.completed_at, excluded.completed_at) END,
        updated_at = now()`);

  const recomputed =
    userIds.length === 1
      ? await recomputeProgress(tx, { courseId, userId: userIds[0] })
      : await recomputeProgress(tx, { courseId });
  // One INSERT for every enrolment this completed, so a re-grade stays a fixed number of statements.
  await publishAll(
    tx,
    recomputed
      .filter((entry) => entry.justCompleted)
      .map((row) => ({ type: "enrollment.completed" as const, aggregateId: row.enrollmentId, payload: { userId: row.userId, courseId } })),
    actorId,
  );
}
