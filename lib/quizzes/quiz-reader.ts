import "server-only";
import type { DbOrTx } from "@/db";
import type { GradingMethod, ReviewPolicy, TaskStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { loadResultsQuiz } from "./results-queries";
import { loadQuizIntro } from "./taking/student-queries";

export interface QuizOverview {
  taskId: string;
  courseId: string;
  title: string;
  description: string;
  status: TaskStatus;
  /** For a student, its own due date, time limit and attempts where it has an override. */
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  /** Which of the three are the student's own; false for teachers and admins. */
  dueAtOverridden: boolean;
  timeLimitOverridden: boolean;
  attemptsOverridden: boolean;
  gradingMethod: GradingMethod;
  reviewPolicy: ReviewPolicy;
  questionCount: number;
  maxPoints: number;
  /** The caller's own attempts: null for the course's teacher and admins, who do not take quizzes. */
  attemptsUsed: number | null;
  /** Null when unlimited, and for teachers and admins. */
  attemptsLeft: number | null;
  openAttemptId: string | null;
  /** The caller's closed attempts combined by the grading method; null before the first (and for staff). */
  score: { points: number; maxPoints: number } | null;
}

/**
 * A quiz as its reader sees it, by its id alone: an enrolled student through
 * the intro page's query (its own attempts and score), the course's teacher
 * or an admin through the results page's. Never a right answer. Anyone else,
 * or a quiz the student cannot take (a draft, another course): null.
 */
export async function loadQuizForReader(db: DbOrTx, actor: Actor, taskId: string, now = new Date()): Promise<QuizOverview | null> {
  if (actor.role === "student") {
    const intro = await loadQuizIntro(db, actor, { taskId, now });
    if (!intro) return null;
    const { quiz } = intro;
    return {
      taskId: quiz.taskId,
      courseId: quiz.courseId,
      title: quiz.title,
      description: quiz.description,
      status: "published",
      dueAt: quiz.dueAt,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      dueAtOverridden: quiz.dueAtOverridden,
      timeLimitOverridden: quiz.timeLimitOverridden,
      attemptsOverridden: quiz.attemptsOverridden,
      gradingMethod: quiz.gradingMethod,
      reviewPolicy: quiz.reviewPolicy,
      questionCount: intro.questionCount,
      maxPoints: intro.totalPoints,
      attemptsUsed: intro.attempts.length,
      attemptsLeft: intro.attemptsLeft,
      openAttemptId: intro.openAttempt?.id ?? null,
      score: intro.bestScore,
    };
  }
  const quiz = await loadResultsQuiz(db, actor, { taskId });
  if (!quiz) return null;
  return {
    taskId: quiz.taskId,
    courseId: quiz.courseId,
    title: quiz.title,
    description: quiz.description,
    status: quiz.status,
    dueAt: quiz.dueAt,
    timeLimitMinutes: quiz.timeLimitMinutes,
    attemptsAllowed: quiz.attemptsAllowed,
    dueAtOverridden: false,
    timeLimitOverridden: false,
    attemptsOverridden: false,
    gradingMethod: quiz.gradingMethod,
    reviewPolicy: quiz.reviewPolicy,
    questionCount: quiz.questionCount,
    maxPoints: quiz.maxPoints,
    attemptsUsed: null,
    attemptsLeft: null,
    openAttemptId: null,
    score: null,
  };
}
