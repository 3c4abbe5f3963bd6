import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAttempts, users } from "@/db/schema";
import type { AttemptStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { personName } from "@/lib/users/person-search";
import { loadResultsQuiz, resultsScope } from "./results-queries";
import { closeExpiredAttempts } from "./taking/close-expired-attempts";
import { loadTakeableQuiz } from "./taking/quiz-context";

export interface AttemptsPageQuery {
  cursor?: string;
  limit: number;
  status?: AttemptStatus;
  /** Staff only: one student's attempts. */
  studentId?: string;
}

export interface AttemptPageRow {
  id: string;
  studentId: string;
  studentName: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  cursor: string[];
}

// Oldest first: a page never shifts when attempts start meanwhile, they only join the end.
const keys: SortKey[] = [
  { expr: quizAttempts.startedAt, direction: "asc", cast: "timestamptz" },
  { expr: quizAttempts.id, direction: "asc", cast: "uuid" },
];

/**
 * One keyset page (`limit + 1` rows) of a quiz's attempts: a student's own
 * (an enrolled student of a quiz it may take), or every student's for the
 * course's teacher or an admin, and a section teacher's sections' students'. Attempts left open past their deadline are
 * submitted first, as the pages do, so scores and statuses are current.
 * Null when the actor may not read this quiz's attempts.
 */
export async function listQuizAttemptsAfter(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  query: AttemptsPageQuery,
  now = new Date(),
): Promise<AttemptPageRow[] | null> {
  const student = actor.role === "student";
  const staffQuiz = student ? null : await loadResultsQuiz(db, actor, { taskId });
  const quiz = student ? await loadTakeableQuiz(db, actor, taskId) : staffQuiz;
  if (!quiz) return null;
  await closeExpiredAttempts(db, { taskId, userId: student ? actor.id : undefined, now });
  const owner = student ? actor.id : query.studentId;
  return db
    .select({
      id: quizAttempts.id,
      studentId: quizAttempts.userId,
      studentName: personName,
      attemptNumber: quizAttempts.attemptNumber,
      status: quizAttempts.status,
      startedAt: quizAttempts.startedAt,
      deadlineAt: quizAttempts.deadlineAt,
      submittedAt: quizAttempts.submittedAt,
      scorePoints: quizAttempts.scorePoints,
      maxPoints: quizAttempts.maxPoints,
      scorePercent: quizAttempts.scorePercent,
      cursor: cursorColumn(keys),
    })
    .from(quizAttempts)
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(
      and(
        eq(quizAttempts.taskId, taskId),
        // A section teacher lists its sections' students' attempts only.
        staffQuiz ? resultsScope(actor, staffQuiz)(quizAttempts.userId) : undefined,
        owner === undefined ? undefined : eq(quizAttempts.userId, owner),
        query.status === undefined ? undefined : eq(quizAttempts.status, query.status),
        afterCursor(keys, query.cursor),
      ),
    )
    .orderBy(...orderByKeys(keys))
    .limit(query.limit + 1);
}
