import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, quizAttempts, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { sectionFilter, teachesStudent } from "@/lib/sections/section-scope";
import { pageCountOf } from "@/lib/pagination";
import { personName } from "@/lib/users/person-search";
import { essayQueuePageSize, type EssayQueueParams } from "./essay-queue-schema";
import { essaysWaiting } from "./essays-waiting";

export interface EssayQueueRow {
  attemptId: string;
  attemptNumber: number;
  courseId: string;
  courseTitle: string;
  taskId: string;
  quizTitle: string;
  studentName: string;
  submittedAt: Date;
  /** Answered essays of the attempt without a teacher's score yet. */
  essaysWaiting: number;
}

export interface EssayQueue {
  rows: EssayQueueRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The actor's courses with attempts waiting, for the filter. */
  courses: { id: string; title: string }[];
}

/**
 * Closed attempts of the actor's courses waiting for an essay's score (the
 * partial index on grading_pending serves it); a section teacher's, of its
 * sections' students only.
 */
const waitingAttempts = (actor: Actor) =>
  and(
    eq(quizAttempts.gradingPending, true),
    ne(quizAttempts.status, "in_progress"),
    teachesStudent(actor, { courseId: courses.id, teacherId: courses.teacherId, userId: quizAttempts.userId }),
  );

/**
 * Quiz attempts of the actor's courses (every course for an admin) waiting
 * for a teacher to grade an essay, longest waiting first, paged on the
 * server. Two statements: the page with its total (a window count), and the
 * filter's courses.
 */
export async function loadEssayQueue(db: DbOrTx, actor: Actor, params: Pick<EssayQueueParams, "course" | "page"> & { section?: string }): Promise<EssayQueue> {
  const offset = (params.page - 1) * essayQueuePageSize;
  const [page, choices] = await Promise.all([
    db
      .select({
        attemptId: quizAttempts.id,
        attemptNumber: quizAttempts.attemptNumber,
        courseId: courses.id,
        courseTitle: courses.title,
        taskId: learningTasks.id,
        quizTitle: learningTasks.title,
        studentName: personName,
        submittedAt: quizAttempts.submittedAt,
        essaysWaiting,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(quizAttempts)
      .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
      .innerJoin(courses, eq(courses.id, learningTasks.courseId))
      .innerJoin(users, eq(users.id, quizAttempts.userId))
      .where(
        and(
          waitingAttempts(actor),
          params.course ? eq(courses.id, params.course) : undefined,
          sectionFilter(actor, params.section, { courseId: courses.id, userId: quizAttempts.userId }),
        ),
      )
      .orderBy(asc(quizAttempts.submittedAt), asc(quizAttempts.id))
      .limit(essayQueuePageSize)
      .offset(offset),
    db
      .selectDistinct({ id: courses.id, title: courses.title })
      .from(quizAttempts)
      .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
      .innerJoin(courses, eq(courses.id, learningTasks.courseId))
      .where(waitingAttempts(actor))
      .orderBy(asc(courses.title), asc(courses.id)),
  ]);
  const total = page[0]?.total ?? 0;
  return {
    // A closed attempt always has its submission time; the fallback only satisfies the column's type.
    rows: page.map(({ total: _total, submittedAt, ...row }) => ({ ...row, submittedAt: submittedAt ?? new Date(0) })),
    total,
    page: params.page,
    pageCount: pageCountOf(total, essayQueuePageSize),
    courses: choices,
  };
}

/** How many attempts of the actor's courses wait for an essay's score: the grading page's tab shows it. One statement. */
export async function countEssayAttemptsToGrade(db: DbOrTx, actor: Actor, courseId?: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`.mapWith(Number) })
    .from(quizAttempts)
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(waitingAttempts(actor), courseId ? eq(courses.id, courseId) : undefined));
  return row?.count ?? 0;
}
