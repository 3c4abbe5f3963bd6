import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, quizAnswers, quizAttempts, quizChoices, quizQuestions, quizzes } from "@/db/schema";
import type { AttemptStatus, QuestionType } from "@/db/schema/enums";
import { chosenIds, gapTextsOf, matchesOf, orderOf, typedText } from "@/lib/grading/responses";
import type { StoredResponse } from "@/db/schema/quizzes";
import type { Actor } from "@/lib/auth/policy";
import { combineAttempts } from "@/lib/grading";
import { studentQuestionData, type StudentQuestionData } from "../question-data";
import { applyOrder } from "./attempt-order";
import { loadAttemptReview, type ReviewQuestion } from "./attempt-review";
import { closeExpiredAttempts } from "./close-expired-attempts";
import { attemptsLeft, isPastDeadline } from "./deadline";
import { loadOwnAttempt, type OwnAttempt } from "./own-attempt";
import { loadTakeableQuiz, type TakeableQuiz } from "./quiz-context";
import { reviewAccess, type ReviewState } from "./review-access";

// What a student's pages read. Every object handed on is built field by field:
// no correct flag, accepted answer, numeric value or explanation is selected here.

export interface AttemptHistoryRow {
  id: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  submittedAt: Date | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
}

export interface QuizIntro {
  quiz: Pick<
    TakeableQuiz,
    | "taskId"
    | "title"
    | "description"
    | "dueAt"
    | "courseId"
    | "courseSlug"
    | "courseTitle"
    | "timeLimitMinutes"
    | "attemptsAllowed"
    | "gradingMethod"
    | "reviewPolicy"
    | "dueAtOverridden"
    | "timeLimitOverridden"
    | "attemptsOverridden"
  >;
  questionCount: number;
  totalPoints: number;
  attempts: AttemptHistoryRow[];
  openAttempt: AttemptHistoryRow | null;
  attemptsLeft: number | null;
  /** The closed attempts combined by the grading method; null before the first. */
  bestScore: { points: number; maxPoints: number } | null;
  /** The due date has passed: no new attempts. */
  dueOver: boolean;
}

/** The actor's attempts at a quiz, newest first. One statement. */
async function attemptHistory(db: DbOrTx, taskId: string, userId: string): Promise<AttemptHistoryRow[]> {
  return db
    .select({
      id: quizAttempts.id,
      attemptNumber: quizAttempts.attemptNumber,
      status: quizAttempts.status,
      startedAt: quizAttempts.startedAt,
      submittedAt: quizAttempts.submittedAt,
      scorePoints: quizAttempts.scorePoints,
      maxPoints: quizAttempts.maxPoints,
      scorePercent: quizAttempts.scorePercent,
    })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.taskId, taskId), eq(quizAttempts.userId, userId)))
    .orderBy(asc(quizAttempts.attemptNumber));
}

function summarise(quiz: TakeableQuiz, attempts: AttemptHistoryRow[], questionCount: number, totalPoints: number, now: Date): QuizIntro {
  const closed = attempts.filter((attempt) => attempt.status !== "in_progress" && attempt.maxPoints !== null);
  const combined = combineAttempts(
    quiz.gradingMethod,
    closed.map((attempt) => ({ attemptNumber: attempt.attemptNumber, scorePoints: attempt.scorePoints ?? 0, maxPoints: attempt.maxPoints ?? 0 })),
  );
  const maxPoints = closed.at(-1)?.maxPoints ?? totalPoints;
  return {
    quiz: {
      taskId: quiz.taskId,
      title: quiz.title,
      description: quiz.description,
      dueAt: quiz.dueAt,
      courseId: quiz.courseId,
      courseSlug: quiz.courseSlug,
      courseTitle: quiz.courseTitle,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      gradingMethod: quiz.gradingMethod,
      reviewPolicy: quiz.reviewPolicy,
      dueAtOverridden: quiz.dueAtOverridden,
      timeLimitOverridden: quiz.timeLimitOverridden,
      attemptsOverridden: quiz.attemptsOverridden,
    },
    questionCount,
    totalPoints,
    attempts,
    openAttempt: attempts.find((attempt) => attempt.status === "in_progress") ?? null,
    attemptsLeft: attemptsLeft(quiz.attemptsAllowed, attempts.length),
    bestScore: combined === null ? null : { points: combined, maxPoints },
    dueOver: quiz.dueAt !== null && isPastDeadline(quiz.dueAt, now),
  };
}

/**
 * The intro page of a quiz for an enrolled student: settings, size, the
 * student's attempts and best score. Closes (and grades) an attempt of this
 * student left open past its deadline first. Null reads as not found. The
 * pages name the course in the address (`slug`); the API names only the quiz.
 */
export async function loadQuizIntro(
  db: DbOrTx,
  actor: Actor,
  { slug, taskId, now = new Date() }: { slug?: string; taskId: string; now?: Date },
): Promise<QuizIntro | null> {
  const quiz = await loadTakeableQuiz(db, actor, taskId, { slug });
  if (!quiz) return null;
  await closeExpiredAttempts(db, { taskId, userId: actor.id, now });
  const [[size], attempts] = await Promise.all([
    db
      .select({ questionCount: quizzes.questionCount, totalPoints: learningTasks.maxPoints })
      .from(quizzes)
      .innerJoin(learningTasks, eq(learningTasks.id, quizzes.taskId))
      .where(eq(quizzes.taskId, taskId)),
    attemptHistory(db, taskId, actor.id),
  ]);
  return summarise(quiz, attempts, size?.questionCount ?? 0, size?.totalPoints ?? 0, now);
}

export interface StudentChoice {
  id: string;
  text: string;
}

export interface StudentQuestion {
  id: string;
  number: number;
  type: QuestionType;
  text: string;
  points: number;
  choices: StudentChoice[];
  /** Matching, ordering, cloze and essay: texts and ids in this attempt's order, never the key. Null for the other types. */
  data: StudentQuestionData | null;
}

export interface StudentAttemptView {
  attempt: Pick<OwnAttempt, "id" | "taskId" | "attemptNumber" | "status" | "startedAt" | "deadlineAt" | "submittedAt" | "courseSlug">;
  quizTitle: string;
  courseTitle: string;
  questions: StudentQuestion[];
  answers: Record<string, StoredResponse>;
}

/**
 * The questions of an attempt as the student sees them: its own order, no
 * answers. The data column holds the key beside the texts, so it is read here
 * only to be cut down by studentQuestionData, seeded by attempt and question
 * so a reload shows the same shuffle. Two statements.
 */
export async function loadStudentQuestions(
  db: DbOrTx,
  attempt: Pick<OwnAttempt, "id" | "taskId" | "questionOrder" | "choiceOrder" | "questionPoints">,
): Promise<StudentQuestion[]> {
  const questions = await db
    .select({ id: quizQuestions.id, type: quizQuestions.type, text: quizQuestions.text, points: quizQuestions.points, data: quizQuestions.data })
    .from(quizQuestions)
    .where(inArray(quizQuestions.id, attempt.questionOrder))
    .orderBy(asc(quizQuestions.id));
  const choices =
    questions.length === 0
      ? []
      : await db
          .select({ id: quizChoices.id, questionId: quizChoices.questionId, text: quizChoices.text })
          .from(quizChoices)
          .where(inArray(quizChoices.questionId, questions.map((question) => question.id)))
          .orderBy(asc(quizChoices.position), asc(quizChoices.id));
  return applyOrder(questions, attempt.questionOrder).map((question, index) => ({
    id: question.id,
    number: index + 1,
    type: question.type,
    text: question.text,
    points: attempt.questionPoints[question.id] ?? question.points,
    choices: applyOrder(
      choices.filter((choice) => choice.questionId === question.id),
      attempt.choiceOrder[question.id],
    ).map((choice) => ({ id: choice.id, text: choice.text })),
    data: studentQuestionData(question.type, question.data, `${attempt.id}:${question.id}`),
  }));
}

/**
 * The student's own attempt with its questions and saved answers, for the
 * attempt page. Closes it first when it is past its deadline. Null when the
 * attempt is not the actor's, not of this quiz and course, or the actor may no
 * longer take the quiz.
 */
export async function loadStudentAttempt(
  db: DbOrTx,
  actor: Actor,
  { slug, taskId, attemptId, now = new Date() }: { slug: string; taskId: string; attemptId: string; now?: Date },
): Promise<StudentAttemptView | null> {
  const quiz = await loadTakeableQuiz(db, actor, taskId, { slug });
  if (!quiz) return null;
  await closeExpiredAttempts(db, { taskId, userId: actor.id, now });
  const attempt = await loadOwnAttempt(db, actor, attemptId);
  if (!attempt || attempt.taskId !== taskId) return null;
  const [questions, answerRows] = await Promise.all([
    loadStudentQuestions(db, attempt),
    db
      .select({ questionId: quizAnswers.questionId, response: quizAnswers.response })
      .from(quizAnswers)
      .where(eq(quizAnswers.attemptId, attempt.id)),
  ]);
  return {
    attempt: {
      id: attempt.id,
      taskId: attempt.taskId,
      attemptNumber: attempt.attemptNumber,
      status: attempt.status,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      submittedAt: attempt.submittedAt,
      courseSlug: attempt.courseSlug,
    },
    quizTitle: quiz.title,
    courseTitle: quiz.courseTitle,
    questions,
    answers: Object.fromEntries(answerRows.map((row) => [row.questionId, copyResponse(row.response)])),
  };
}

/** A stored response re-built with only its known field, so nothing else stored in the JSON travels. */
function copyResponse(response: StoredResponse): StoredResponse {
  if ("choiceIds" in response) return { choiceIds: [...chosenIds(response)] };
  if ("matches" in response) return { matches: Object.fromEntries(matchesOf(response)) };
  if ("order" in response) return { order: orderOf(response).filter((id): id is string => id !== null) };
  if ("gaps" in response) return { gaps: gapTextsOf(response) };
  return { text: typedText(response) };
}

export interface AttemptResult {
  intro: QuizIntro;
  attempt: OwnAttempt;
  review: ReviewState;
  /** The graded questions with the right answers: empty unless the review is allowed now. */
  questions: ReviewQuestion[];
}

/**
 * A closed attempt of the actor's, with the quiz summary and history, and its
 * review when the quiz's policy allows it now: the right answers are read only
 * then. Null when not found; an open attempt comes without a review.
 */
export async function loadAttemptResult(
  db: DbOrTx,
  actor: Actor,
  { slug, taskId, attemptId, now = new Date() }: { slug: string; taskId: string; attemptId: string; now?: Date },
): Promise<AttemptResult | null> {
  const intro = await loadQuizIntro(db, actor, { slug, taskId, now });
  if (!intro) return null;
  const attempt = await loadOwnAttempt(db, actor, attemptId);
  if (!attempt || attempt.taskId !== taskId) return null;
  const review = reviewAccess(intro.quiz.reviewPolicy, { attemptClosed: attempt.status !== "in_progress", dueAt: intro.quiz.dueAt, now });
  const questions = review.allowed ? await loadAttemptReview(db, attempt) : [];
  return { intro, attempt, review, questions };
}
