import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { learningTasks, questionBankEntries, quizSlots } from "@/db/schema";
import type { QuestionType, TaskStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";
import { loadCurrentVersions, type StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { findBankCourse, type BankCourse } from "./access";
import { bankPageSize, type BankParams } from "./bank-params";
import { loadCategoryTree, type CategoryOption } from "./category-tree";
import { bankRowsStatement } from "./bank-rows-statement";

export interface QuizUse {
  taskId: string;
  title: string;
  status: TaskStatus;
}

export interface BankRow {
  entryId: string;
  questionId: string;
  version: number;
  type: QuestionType;
  name: string;
  text: string;
  points: number;
  categoryId: string | null;
  tags: string[];
  updatedAt: Date;
  usedIn: QuizUse[];
}

export interface QuestionBankView {
  course: BankCourse;
  categories: CategoryOption[];
  /** Every tag in the course's bank, for the filter. */
  tags: string[];
  rows: BankRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The quiz the teacher is adding questions to, when it came with the address. */
  quiz: { taskId: string; title: string; entryIds: string[] } | null;
}

/** Quizzes that hold each entry in a chosen slot, by entry. One statement. */
export async function loadQuizUses(db: DbOrTx, entryIds: readonly string[]): Promise<Map<string, QuizUse[]>> {
  const uses = new Map<string, QuizUse[]>();
  if (entryIds.length === 0) return uses;
  const rows = await db
    .select({ entryId: quizSlots.entryId, taskId: learningTasks.id, title: learningTasks.title, status: learningTasks.status })
    .from(quizSlots)
    .innerJoin(learningTasks, eq(learningTasks.id, quizSlots.taskId))
    .where(inArray(quizSlots.entryId, [...entryIds]))
    .orderBy(asc(learningTasks.title), asc(learningTasks.id));
  for (const row of rows) {
    const list = uses.get(row.entryId!) ?? [];
    list.push({ taskId: row.taskId, title: row.title, status: row.status });
    uses.set(row.entryId!, list);
  }
  return uses;
}

/**
 * One page of the course's question bank with its filters applied in SQL, the
 * category tree, the tags in use and where each listed question is used. The
 * course's teacher or an admin only: null for anyone else or a malformed id.
 * Six statements (seven with a quiz to add to), whatever the bank's size.
 */
export async function loadQuestionBank(db: DbOrTx, actor: Actor, courseId: string, params: BankParams): Promise<QuestionBankView | null> {
  if (!z.uuid().safeParse(courseId).success) return null;
  const course = await findBankCourse(db, actor, courseId);
  if (!course) return null;
  const categories = await loadCategoryTree(db, course.id);
  const [listed, tagRows, quiz] = await Promise.all([
    db.execute(bankRowsStatement(course.id, params, categories, { limit: bankPageSize, offset: (params.page - 1) * bankPageSize })),
    db.execute(bankTagsStatement(course.id)),
    params.quiz ? loadQuizToAddTo(db, course.id, params.quiz) : Promise.resolve(null),
  ]);
  const found = rowsOf<BankRowRecord>(listed);
  const uses = await loadQuizUses(db, found.map((row) => row.entry_id));
  return {
    course,
    categories,
    tags: rowsOf<{ tag: string }>(tagRows).map((row) => row.tag),
    rows: found.map((row) => ({
      entryId: row.entry_id,
      questionId: row.question_id,
      version: Number(row.version),
      type: row.type,
      name: row.name,
      text: row.text,
      points: Number(row.points),
      categoryId: row.category_id,
      tags: row.tags,
      updatedAt: new Date(row.updated_at),
      usedIn: uses.get(row.entry_id) ?? [],
    })),
    total: Number(found[0]?.total ?? 0),
    page: params.page,
    pageSize: bankPageSize,
    quiz,
  };
}

interface BankRowRecord {
  entry_id: string;
  question_id: string;
  version: number;
  type: QuestionType;
  name: string;
  text: string;
  points: number;
  category_id: string | null;
  tags: string[];
  updated_at: string | Date;
  total: number;
}

// Tags are few per question; unnesting the course's live entries stays small.
const bankTagsStatement = (courseId: string) => sql`
  SELECT DISTINCT unnest(tags) AS tag FROM question_bank_entries
  WHERE course_id = ${courseId} AND deleted_at IS NULL ORDER BY 1 LIMIT 500`;

async function loadQuizToAddTo(db: DbOrTx, courseId: string, taskId: string) {
  const rows = await db
    .select({ taskId: learningTasks.id, title: learningTasks.title, entryId: quizSlots.entryId })
    .from(learningTasks)
    .leftJoin(quizSlots, eq(quizSlots.taskId, learningTasks.id))
    .where(and(eq(learningTasks.id, taskId), eq(learningTasks.courseId, courseId), eq(learningTasks.type, "quiz")));
  const [first] = rows;
  if (!first) return null;
  return { taskId: first.taskId, title: first.title, entryIds: rows.flatMap((row) => (row.entryId ? [row.entryId] : [])) };
}

export interface BankQuestionDetail {
  course: BankCourse;
  categories: CategoryOption[];
  entryId: string;
  categoryId: string | null;
  tags: string[];
  question: StoredQuestion;
  usedIn: QuizUse[];
}

/** One bank question (its current version with the right answers) for editing and preview. Null when not the actor's. Five statements. */
export async function loadBankQuestion(db: DbOrTx, actor: Actor, courseId: string, entryId: string): Promise<BankQuestionDetail | null> {
  if (!z.uuid().safeParse(courseId).success || !z.uuid().safeParse(entryId).success) return null;
  const course = await findBankCourse(db, actor, courseId);
  if (!course) return null;
  const [entry] = await db
    .select({ id: questionBankEntries.id, categoryId: questionBankEntries.categoryId, tags: questionBankEntries.tags })
    .from(questionBankEntries)
    .where(and(eq(questionBankEntries.id, entryId), eq(questionBankEntries.courseId, course.id), isNull(questionBankEntries.deletedAt)));
  if (!entry) return null;
  const [[question], categories, uses] = await Promise.all([
    loadCurrentVersions(db, [entry.id], course.id),
    loadCategoryTree(db, course.id),
    loadQuizUses(db, [entry.id]),
  ]);
  if (!question) return null;
  return { course, categories, entryId: entry.id, categoryId: entry.categoryId, tags: entry.tags, question, usedIn: uses.get(entry.id) ?? [] };
}
