import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import { courses, enrollments, learningTasks, quizAttempts, quizzes, taskOverrides } from "@/db/schema";
import type { AttemptStatus, ReviewPolicy } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";

export interface OwnAttempt {
  id: string;
  taskId: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  questionOrder: string[];
  questionPoints: Record<string, number>;
  choiceOrder: Record<string, string[]>;
  courseSlug: string;
  reviewPolicy: ReviewPolicy;
  /** The student's due date: its own (an override) or the quiz's. */
  dueAt: Date | null;
}

export { attemptNotFoundMessage } from "./messages";

/**
 * The actor's own attempt at a quiz of a course it may still take, or null:
 * another student's attempt reads exactly like a missing one (the owner is in
 * the WHERE). `lock` takes the attempt row for update: saves and the submit of
 * one attempt run one after the other, so none slips past a submit.
 */
export async function loadOwnAttempt(
  db: DbOrTx,
  actor: Actor,
  attemptId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<OwnAttempt | null> {
  const query = db
    .select({
      id: quizAttempts.id,
      taskId: quizAttempts.taskId,
      attemptNumber: quizAttempts.attemptNumber,
      status: quizAttempts.status,
      startedAt: quizAttempts.startedAt,
      deadlineAt: quizAttempts.deadlineAt,
      submittedAt: quizAttempts.submittedAt,
      scorePoints: quizAttempts.scorePoints,
      maxPoints: quizAttempts.maxPoints,
      scorePercent: quizAttempts.scorePercent,
      questionOrder: quizAttempts.questionOrder,
      questionPoints: quizAttempts.questionPoints,
      choiceOrder: quizAttempts.choiceOrder,
      reviewPolicy: quizzes.reviewPolicy,
      // The student's own due date, else its sections', else the quiz's (lib/sections/section-overrides.ts).
      dueAt: sql<Date | null>`${effectiveDueAtSql(taskOverrides.dueAt, quizAttempts.taskId, actor.id, learningTasks.dueAt)}`.mapWith(learningTasks.dueAt),
      courseSlug: courses.slug,
      teacherId: courses.teacherId,
      courseStatus: courses.status,
      visibility: courses.visibility,
      enrollmentStatus: enrollments.status,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.taskId, quizAttempts.taskId))
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, quizAttempts.taskId), eq(taskOverrides.userId, actor.id)))
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, actor.id)));
  const [row] = lock ? await query.for("update", { of: quizAttempts }) : await query;
  if (!row) return null;
  const { teacherId, courseStatus, visibility, enrollmentStatus, ...attempt } = row;
  if (!can(actor, "quiz.take", { teacherId, status: courseStatus, visibility, enrollmentStatus })) return null;
  return attempt;
}
