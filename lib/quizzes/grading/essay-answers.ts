import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, quizAnswers, quizAttempts, quizQuestions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { readQuestionData } from "@/lib/quizzes/question-data";
import { mayGradeAttempt, selectAttemptsToGrade } from "./attempt-to-grade";

export interface EssayToGrade {
  questionId: string;
  /** The question's points in this attempt: the most a teacher may give. */
  maxPoints: number;
  /** The author's guidance for graders; never shown to the student. */
  graderInfo: string;
  answered: boolean;
  manualPoints: number | null;
  comment: string;
  gradedAt: Date | null;
  graderName: string | null;
}

export interface AttemptEssays {
  attemptId: string;
  closed: boolean;
  gradingPending: boolean;
  /** By question id, so the page puts each form under its question's review. */
  essays: Map<string, EssayToGrade>;
}

const uuid = z.uuid();

/**
 * The essays of one attempt with what grading them needs, for the course's
 * teacher or an admin (ownership in the WHERE, then the policy); null for
 * anyone else, another course or quiz in the address, or a malformed id.
 * Two statements.
 */
export async function loadAttemptEssays(
  db: DbOrTx,
  actor: Actor,
  { courseId, taskId, attemptId }: { courseId: string; taskId: string; attemptId: string },
): Promise<AttemptEssays | null> {
  if (![courseId, taskId, attemptId].every((id) => uuid.safeParse(id).success)) return null;
  const [attempt] = await selectAttemptsToGrade(db, actor, and(eq(quizAttempts.id, attemptId), eq(quizAttempts.taskId, taskId), eq(courses.id, courseId)));
  if (!attempt || !mayGradeAttempt(actor, attempt)) return null;
  const essays = new Map<string, EssayToGrade>();
  if (attempt.questionOrder.length === 0) return { attemptId: attempt.id, closed: attempt.status !== "in_progress", gradingPending: attempt.gradingPending, essays };

  const rows = await db
    .select({
      questionId: quizQuestions.id,
      points: quizQuestions.points,
      data: quizQuestions.data,
      response: quizAnswers.response,
      manualPoints: quizAnswers.manualPoints,
      comment: quizAnswers.graderComment,
      gradedAt: quizAnswers.gradedAt,
      graderName: sql<string | null>`coalesce(${users.displayName}, ${users.username})`,
    })
    .from(quizQuestions)
    .leftJoin(quizAnswers, and(eq(quizAnswers.questionId, quizQuestions.id), eq(quizAnswers.attemptId, attempt.id)))
    .leftJoin(users, eq(users.id, quizAnswers.gradedBy))
    .where(and(inArray(quizQuestions.id, attempt.questionOrder), eq(quizQuestions.type, "essay")));
  for (const row of rows) {
    const text = row.response && "text" in row.response && typeof row.response.text === "string" ? row.response.text : "";
    essays.set(row.questionId, {
      questionId: row.questionId,
      maxPoints: attempt.questionPoints[row.questionId] ?? row.points,
      graderInfo: readQuestionData("essay", row.data)?.graderInfo ?? "",
      answered: text.trim() !== "",
      manualPoints: row.manualPoints,
      comment: row.comment ?? "",
      gradedAt: row.gradedAt,
      graderName: row.graderName,
    });
  }
  return { attemptId: attempt.id, closed: attempt.status !== "in_progress", gradingPending: attempt.gradingPending, essays };
}
