import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, quizAttempts, quizzes } from "@/db/schema";
import type { GradingMethod, ReviewPolicy, TaskStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { loadQuestionVersions, type StoredQuestion } from "./authoring/stored-questions";
import { loadCategoryTree, type CategoryOption } from "@/lib/question-bank/category-tree";
import { loadResolvedSlots } from "./quiz-slots";

export interface StructureQuiz {
  id: string;
  moduleId: string | null;
  title: string;
  status: TaskStatus;
  questionCount: number;
  maxPoints: number | null;
}

/**
 * The course's quizzes for its structure editor, in module order: the actor's
 * own course, or any course for an admin; empty for anyone else. One statement.
 */
export async function loadCourseQuizzes(db: DbOrTx, actor: Actor, courseId: string): Promise<StructureQuiz[]> {
  if (!z.uuid().safeParse(courseId).success) return [];
  return db
    .select({
      id: learningTasks.id,
      moduleId: learningTasks.moduleId,
      title: learningTasks.title,
      status: learningTasks.status,
      questionCount: quizzes.questionCount,
      maxPoints: learningTasks.maxPoints,
    })
    .from(learningTasks)
    .innerJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(eq(learningTasks.courseId, courseId), eq(learningTasks.type, "quiz"), taughtCourses(actor)))
    .orderBy(asc(learningTasks.position), asc(learningTasks.createdAt), asc(learningTasks.id));
}

export interface QuizEditorData {
  id: string;
  courseId: string;
  moduleId: string | null;
  title: string;
  description: string;
  status: TaskStatus;
  dueAt: Date | null;
  maxPoints: number | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
  partialCredit: boolean;
  reviewPolicy: ReviewPolicy;
  contentVersion: number;
  /** Submitted or expired attempts: a change to the questions changes what they were graded against. */
  closedAttempts: number;
  /** Closed attempts graded against an older version of the quiz or of one of its questions: what "Re-grade" would update. */
  staleAttempts: number;
  /** Questions an attempt gets: chosen ones plus every random slot's draw count. */
  questionCount: number;
  slots: EditorSlot[];
  /** The course's bank categories, for random slots. */
  categories: CategoryOption[];
}

/** One place of the quiz in the builder: a chosen bank question, or a random draw with how many questions its pool holds. */
export type EditorSlot =
  | { kind: "question"; id: string; question: StoredQuestion }
  | {
      kind: "random";
      id: string;
      label: string;
      categoryId: string | null;
      tag: string | null;
      drawCount: number;
      points: number;
      /** Bank questions the slot can draw (less the quiz's chosen ones). */
      available: number;
    };

/**
 * One quiz with its settings, its questions and right answers, and its
 * attempt counts, for the builder. The course's teacher (or an admin) only:
 * null for anyone else, a quiz of another course, or a malformed id. Six
 * statements.
 */
export async function loadQuizEditor(db: DbOrTx, actor: Actor, courseId: string, taskId: string): Promise<QuizEditorData | null> {
  if (!z.uuid().safeParse(courseId).success || !z.uuid().safeParse(taskId).success) return null;
  const [quiz] = await db
    .select({
      id: learningTasks.id,
      courseId: learningTasks.courseId,
      moduleId: learningTasks.moduleId,
      title: learningTasks.title,
      description: learningTasks.description,
      status: learningTasks.status,
      dueAt: learningTasks.dueAt,
      maxPoints: learningTasks.maxPoints,
      timeLimitMinutes: quizzes.timeLimitMinutes,
      attemptsAllowed: quizzes.attemptsAllowed,
      gradingMethod: quizzes.gradingMethod,
      shuffleQuestions: quizzes.shuffleQuestions,
      shuffleChoices: quizzes.shuffleChoices,
      partialCredit: quizzes.partialCredit,
      reviewPolicy: quizzes.reviewPolicy,
      contentVersion: quizzes.contentVersion,
      questionCount: quizzes.questionCount,
      closedAttempts: sql<number>`(SELECT ${count()}::int FROM ${quizAttempts} WHERE ${quizAttempts.taskId} = ${learningTasks.id} AND ${quizAttempts.status} <> 'in_progress')`,
      // Stale: graded before a change to the quiz, or given a question that has a newer version since.
      staleAttempts: sql<number>`(SELECT ${count()}::int FROM ${quizAttempts} WHERE ${quizAttempts.taskId} = ${learningTasks.id} AND ${quizAttempts.status} <> 'in_progress'
        AND (coalesce(${quizAttempts.gradedVersion}, 0) < ${quizzes.contentVersion} OR EXISTS (
          SELECT 1 FROM quiz_questions q JOIN question_bank_entries e ON e.id = q.entry_id
          WHERE q.id = ANY (${quizAttempts.questionOrder}) AND NOT q.is_current AND e.deleted_at IS NULL)))`,
    })
    .from(learningTasks)
    .innerJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(eq(learningTasks.id, taskId), eq(learningTasks.courseId, courseId), taughtCourses(actor)));
  if (!quiz) return null;
  const { rows, slots } = await loadResolvedSlots(db, quiz.courseId, quiz.id);
  const versions = new Map((await loadQuestionVersions(db, rows.flatMap((row) => (row.questionId ? [row.questionId] : [])))).map((q) => [q.id, q]));
  const chosen = new Set(rows.flatMap((row) => (row.entryId ? [row.entryId] : [])));
  const editorSlots = slots.flatMap((slot): EditorSlot[] => {
    if (slot.kind === "question") {
      const question = versions.get(slot.questionId);
      return question ? [{ kind: "question", id: slot.slotId, question }] : [];
    }
    const row = rows.find((candidate) => candidate.id === slot.slotId)!;
    return [
      {
        kind: "random",
        id: slot.slotId,
        label: slot.label,
        categoryId: row.categoryId,
        tag: row.tag,
        drawCount: slot.drawCount,
        points: slot.points,
        available: slot.candidates.filter((candidate) => !chosen.has(candidate.entryId)).length,
      },
    ];
  });
  return { ...quiz, slots: editorSlots, categories: await loadCategoryTree(db, quiz.courseId) };
}
