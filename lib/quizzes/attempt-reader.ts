import "server-only";
import type { DbOrTx } from "@/db";
import type { AttemptStatus } from "@/db/schema/enums";
import type { StoredResponse } from "@/db/schema/quizzes";
import type { CurrentUser } from "@/lib/auth/session-user";
import { loadAttemptForTeacher } from "./results-attempt";
import type { ReviewQuestion } from "./taking/attempt-review";
import { closeExpiredAttempts } from "./taking/close-expired-attempts";
import { isPastDeadline } from "./taking/deadline";
import { loadOwnAttempt } from "./taking/own-attempt";
import { loadAttemptResult, loadStudentAttempt, type StudentQuestion } from "./taking/student-queries";

export interface AttemptReaderView {
  id: string;
  taskId: string;
  quizTitle: string;
  student: { id: string; name: string };
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  /** While in progress, for its student: the questions as the attempt page shows them, with the answers saved so far. */
  questions: (StudentQuestion & { answer: StoredResponse | null })[] | null;
  /** Once closed: the review, when the reader may see it now (the quiz's policy for a student; always for staff). */
  review: { allowed: boolean; notice: string | null; questions: ReviewQuestion[] } | null;
}

/**
 * One attempt by its id alone, for the REST API. Its student reads it as the
 * attempt page (while open: questions and saved answers, never a right answer)
 * or the result page (once closed: the score, and the review only as the quiz
 * allows); the course's teacher or an admin as the teacher's attempt page.
 * An attempt past its deadline is submitted first, as those pages do. Anyone
 * else's attempt: null (not found).
 */
export async function loadAttemptForReader(
  db: DbOrTx,
  actor: CurrentUser,
  attemptId: string,
  now = new Date(),
): Promise<AttemptReaderView | null> {
  return actor.role === "student" ? loadForStudent(db, actor, attemptId, now) : loadForStaff(db, actor, attemptId, now);
}

async function loadForStudent(db: DbOrTx, actor: CurrentUser, attemptId: string, now: Date): Promise<AttemptReaderView | null> {
  const own = await loadOwnAttempt(db, actor, attemptId);
  if (!own) return null;
  const student = { id: actor.id, name: actor.displayName ?? actor.username };
  const address = { slug: own.courseSlug, taskId: own.taskId, attemptId, now };

  if (own.status === "in_progress" && !isPastDeadline(own.deadlineAt, now)) {
    const open = await loadStudentAttempt(db, actor, address);
    if (!open) return null;
    if (open.attempt.status === "in_progress") {
      return {
        id: open.attempt.id,
        taskId: open.attempt.taskId,
        quizTitle: open.quizTitle,
        student,
        attemptNumber: open.attempt.attemptNumber,
        status: open.attempt.status,
        startedAt: open.attempt.startedAt,
        deadlineAt: open.attempt.deadlineAt,
        submittedAt: null,
        scorePoints: null,
        maxPoints: null,
        scorePercent: null,
        questions: open.questions.map((question) => ({ ...question, answer: open.answers[question.id] ?? null })),
        review: null,
      };
    }
  }

  const result = await loadAttemptResult(db, actor, address);
  if (!result) return null;
  const { attempt, review, questions } = result;
  return {
    id: attempt.id,
    taskId: attempt.taskId,
    quizTitle: result.intro.quiz.title,
    student,
    attemptNumber: attempt.attemptNumber,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    scorePoints: attempt.scorePoints,
    maxPoints: attempt.maxPoints,
    scorePercent: attempt.scorePercent,
    questions: null,
    review: attempt.status === "in_progress" ? null : { allowed: review.allowed, notice: review.notice, questions },
  };
}

async function loadForStaff(db: DbOrTx, actor: CurrentUser, attemptId: string, now: Date): Promise<AttemptReaderView | null> {
  let view = await loadAttemptForTeacher(db, actor, { attemptId });
  if (!view) return null;
  // An attempt whose time ran out is submitted first, as the minute sweep would.
  if (view.status === "in_progress" && isPastDeadline(view.deadlineAt, now)) {
    await closeExpiredAttempts(db, { taskId: view.taskId, userId: view.studentId, now });
    view = await loadAttemptForTeacher(db, actor, { attemptId });
    if (!view) return null;
  }
  return {
    id: view.id,
    taskId: view.taskId,
    quizTitle: view.quizTitle,
    student: { id: view.studentId, name: view.studentName },
    attemptNumber: view.attemptNumber,
    status: view.status,
    startedAt: view.startedAt,
    deadlineAt: view.deadlineAt,
    submittedAt: view.submittedAt,
    scorePoints: view.scorePoints,
    maxPoints: view.maxPoints,
    scorePercent: view.scorePercent,
    questions: null,
    review: view.questions === null ? null : { allowed: true, notice: null, questions: view.questions },
  };
}
