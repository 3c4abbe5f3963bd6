import "server-only";
import { escapeLike } from "@/lib/users/person-search";
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, quizzes } from "@/db/schema";
import type { GradingMethod, QuestionType, ReviewPolicy, TaskStatus } from "@/db/schema/enums";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { can, type Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";
import { gradedCourses, sectionFilter, teachesSectionOf, visibleStudents } from "@/lib/sections/section-scope";
import { pageCountOf } from "@/lib/pagination";
import { attemptsPageSize, type AttemptSort, type AttemptState, type AttemptsQuery } from "./results-params";

export interface QuizResultsHeader {
  taskId: string;
  title: string;
  description: string;
  status: TaskStatus;
  dueAt: Date | null;
  courseId: string;
  courseTitle: string;
  courseSlug: string;
  gradingMethod: GradingMethod;
  reviewPolicy: ReviewPolicy;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  questionCount: number;
  /** The questions' points as they are now. */
  maxPoints: number;
  /** The course's teacher: who sees every student; a section teacher's reads are narrowed to its sections' students. */
  teacherId: string;
}

/**
 * Which attempts the figures and the table are computed over, as SQL on the
 * attempt's student column: every one for the course's teacher and admins, a
 * section teacher's sections' students only, and with a section chosen only
 * that section's members. Undefined: no narrowing.
 */
export type AttemptScope = (userId: AnyColumn | SQL) => SQL | undefined;

/** The attempt scope of this actor on this quiz, with the "Section" filter when one is chosen. */
export const resultsScope =
  (actor: Actor, quiz: Pick<QuizResultsHeader, "courseId" | "teacherId">, sectionId?: string): AttemptScope =>
  (userId) =>
    and(
      visibleStudents(actor, { id: quiz.courseId, teacherId: quiz.teacherId }, userId),
      sectionFilter(actor, sectionId, { courseId: quiz.courseId, userId }),
    );

const scopeSql = (scope: AttemptScope | undefined, userId: SQL): SQL => {
  const condition = scope?.(userId);
  return condition ? sql`AND ${condition}` : sql``;
};

export interface QuizResultsSummary {
  /** Every attempt, open ones included. */
  attempts: number;
  inProgress: number;
  students: number;
  /** Closed attempts with a final score: the ones the figures below are computed from. */
  graded: number;
  /**
   * Closed attempts whose essays wait for the teacher: their score is
   * provisional, so they count nowhere yet. Present only when there are some.
   */
  awaitingGrading?: number;
  averagePercent: number | null;
  medianPercent: number | null;
  highestPercent: number | null;
  lowestPercent: number | null;
  averagePoints: number | null;
  /** Graded attempts per 10 % bucket, 0–10 % first; 100 % counts in the last. */
  distribution: number[];
}

export interface QuestionRate {
  id: string;
  position: number;
  text: string;
  type: QuestionType;
  points: number;
  /** Out of the graded attempts. */
  correct: number;
  /** Some points but not all (multiple choice with partial credit). */
  partlyCorrect: number;
  answered: number;
  unanswered: number;
  correctPercent: number | null;
}

export interface AttemptResultRow {
  id: string;
  studentName: string;
  studentEmail: string;
  attemptNumber: number;
  state: AttemptState;
  startedAt: Date;
  submittedAt: Date | null;
  durationSeconds: number | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  /** Set (true) while an essay of the attempt waits for the teacher: the score is provisional. */
  gradingPending?: boolean;
}

export interface AttemptsPage {
  rows: AttemptResultRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export interface QuizResults {
  quiz: QuizResultsHeader;
  summary: QuizResultsSummary;
  questions: QuestionRate[];
  attempts: AttemptsPage;
}

// A malformed id in the address is simply not found, never a database error.
const uuid = z.uuid();

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * A quiz of a course the actor may see the results of, or null: ownership is in
 * the WHERE (the course's teacher, a teacher of one of its sections, an admin),
 * so another teacher's quiz, a student and a missing quiz all read as not found. The pages name the course in the address too; the API names
 * only the quiz. One statement.
 */
export async function loadResultsQuiz(
  db: DbOrTx,
  actor: Actor,
  { courseId, taskId }: { courseId?: string; taskId: string },
): Promise<QuizResultsHeader | null> {
  if ((courseId !== undefined && !uuid.safeParse(courseId).success) || !uuid.safeParse(taskId).success) return null;
  if (actor.role !== "teacher" && actor.role !== "admin") return null;
  const [row] = await db
    .select({
      taskId: learningTasks.id,
      title: learningTasks.title,
      description: learningTasks.description,
      status: learningTasks.status,
      dueAt: learningTasks.dueAt,
      courseId: courses.id,
      courseTitle: courses.title,
      courseSlug: courses.slug,
      teacherId: courses.teacherId,
      courseStatus: courses.status,
      visibility: courses.visibility,
      gradingMethod: quizzes.gradingMethod,
      reviewPolicy: quizzes.reviewPolicy,
      attemptsAllowed: quizzes.attemptsAllowed,
      timeLimitMinutes: quizzes.timeLimitMinutes,
      questionCount: quizzes.questionCount,
      maxPoints: sql<number>`coalesce(${learningTasks.maxPoints}, 0)`,
      sectionTeacher: teachesSectionOf(actor, courses.id),
    })
    .from(quizzes)
    .innerJoin(learningTasks, eq(learningTasks.id, quizzes.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(eq(quizzes.taskId, taskId), courseId === undefined ? undefined : eq(courses.id, courseId), gradedCourses(actor)));
  if (
    !row ||
    !can(actor, "quiz.viewResults", { teacherId: row.teacherId, status: row.courseStatus, visibility: row.visibility, sectionTeacher: row.sectionTeacher })
  ) {
    return null;
  }
  const { courseStatus: _courseStatus, visibility: _visibility, sectionTeacher: _sectionTeacher, ...quiz } = row;
  return { ...quiz, questionCount: Number(quiz.questionCount), maxPoints: Number(quiz.maxPoints) };
}

// Closed attempts that have a final score: an expired attempt the sweep has
// not graded yet, and one whose essays wait for the teacher (its score is
// provisional), count nowhere rather than as what they have so far.
// The scope (a section teacher's students, the chosen section) narrows every figure alike.
const gradedAttempts = (taskId: string, scope?: AttemptScope) => sql`
  SELECT id, user_id, score_points, score_percent, question_order FROM quiz_attempts
  WHERE task_id = ${taskId} AND status <> 'in_progress' AND score_percent IS NOT NULL AND NOT grading_pending
    ${scopeSql(scope, sql`quiz_attempts.user_id`)}`;

/** Counts, average, median, extremes and the distribution, aggregated in SQL, over the scope's attempts. One statement. */
export async function loadResultsSummary(db: DbOrTx, taskId: string, scope?: AttemptScope): Promise<QuizResultsSummary> {
  const result = await db.execute(sql`
    WITH scoped AS (
      SELECT user_id, status, grading_pending FROM quiz_attempts WHERE task_id = ${taskId} ${scopeSql(scope, sql`quiz_attempts.user_id`)}
    ),
    graded AS (${gradedAttempts(taskId, scope)})
    SELECT
      (SELECT count(*)::int FROM scoped) AS "attempts",
      (SELECT count(*)::int FROM scoped WHERE status = 'in_progress') AS "inProgress",
      (SELECT count(DISTINCT user_id)::int FROM scoped) AS "students",
      (SELECT count(*)::int FROM graded) AS "graded",
      (SELECT count(*)::int FROM scoped WHERE status <> 'in_progress' AND grading_pending) AS "awaitingGrading",
      (SELECT round(avg(score_percent), 2) FROM graded) AS "averagePercent",
      (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY score_percent)::numeric, 2) FROM graded) AS "medianPercent",
      (SELECT max(score_percent) FROM graded) AS "highestPercent",
      (SELECT min(score_percent) FROM graded) AS "lowestPercent",
      (SELECT round(avg(score_points), 2) FROM graded) AS "averagePoints",
      (SELECT coalesce(json_agg(json_build_array(bucket, n)), '[]'::json) FROM (
        SELECT least(floor(score_percent / 10)::int, 9) AS bucket, count(*)::int AS n FROM graded GROUP BY 1
      ) d) AS "distribution"`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  const distribution = Array.from({ length: 10 }, () => 0);
  const buckets = (typeof row?.distribution === "string" ? JSON.parse(row.distribution) : row?.distribution) as [number, number][];
  for (const [bucket, count] of buckets ?? []) distribution[bucket] = count;
  const awaitingGrading = Number(row?.awaitingGrading ?? 0);
  return {
    attempts: Number(row?.attempts ?? 0),
    inProgress: Number(row?.inProgress ?? 0),
    students: Number(row?.students ?? 0),
    graded: Number(row?.graded ?? 0),
    ...(awaitingGrading > 0 ? { awaitingGrading } : {}),
    averagePercent: toNumber(row?.averagePercent),
    medianPercent: toNumber(row?.medianPercent),
    highestPercent: toNumber(row?.highestPercent),
    lowestPercent: toNumber(row?.lowestPercent),
    averagePoints: toNumber(row?.averagePoints),
    distribution,
  };
}

/**
 * Each question's correct rate over the graded attempts that were given it:
 * right, partly right, answered and unanswered (no answer row, or an empty
 * one). The questions are every version a graded attempt was given (a random
 * slot's draws, an edited question's older versions) and the quiz's current
 * chosen ones, in slot order. One statement.
 */
export async function loadQuestionRates(db: DbOrTx, taskId: string, scope?: AttemptScope): Promise<QuestionRate[]> {
  const result = await db.execute(sql`
    WITH graded AS (${gradedAttempts(taskId, scope)}),
    shown AS (
      SELECT DISTINCT unnest(question_order) AS id FROM graded
      UNION
      SELECT q.id FROM quiz_slots s JOIN quiz_questions q ON q.entry_id = s.entry_id AND q.is_current WHERE s.task_id = ${taskId}
    ),
    answers AS (
      SELECT a.question_id, a.is_correct, a.points_awarded,
        CASE WHEN jsonb_typeof(a.response -> 'choiceIds') = 'array' THEN jsonb_array_length(a.response -> 'choiceIds') > 0
             ELSE coalesce(btrim(a.response ->> 'text'), '') <> '' END AS answered
      FROM quiz_answers a JOIN graded g ON g.id = a.attempt_id
    )
    SELECT q.id, coalesce(min(s.position), 2147483647) AS position, q.text, q.type, q.points,
      (SELECT count(*)::int FROM graded g WHERE q.id = ANY (g.question_order)) AS "gradedCount",
      count(a.question_id) FILTER (WHERE a.is_correct)::int AS "correct",
      count(a.question_id) FILTER (WHERE NOT a.is_correct AND a.points_awarded > 0)::int AS "partlyCorrect",
      count(a.question_id) FILTER (WHERE a.answered)::int AS "answered"
    FROM shown
    JOIN quiz_questions q ON q.id = shown.id
    LEFT JOIN quiz_slots s ON s.task_id = ${taskId} AND s.entry_id = q.entry_id
    LEFT JOIN answers a ON a.question_id = q.id
    GROUP BY q.id
    ORDER BY 2, q.entry_id, q.version`);
  return rowsOf<{
    id: string;
    position: number;
    text: string;
    type: QuestionType;
    points: number;
    gradedCount: number;
    correct: number;
    partlyCorrect: number;
    answered: number;
  }>(result).map((row) => {
    const graded = Number(row.gradedCount);
    const correct = Number(row.correct);
    const answered = Number(row.answered);
    return {
      id: row.id,
      position: Number(row.position),
      text: row.text,
      type: row.type,
      points: Number(row.points),
      correct,
      partlyCorrect: Number(row.partlyCorrect),
      answered,
      unanswered: Math.max(0, graded - answered),
      correctPercent: graded > 0 ? Math.round((correct / graded) * 10000) / 100 : null,
    };
  });
}

// Whitelisted ORDER BY expressions over the rows below, never text from the URL.
const sortColumns: Record<AttemptSort, SQL> = {
  student: sql`r.sort_name`,
  attempt: sql`r."attemptNumber"`,
  status: sql`array_position(ARRAY['in_progress', 'closing', 'submitted', 'expired'], r.state)`,
  started: sql`r."startedAt"`,
  submitted: sql`r."submittedAt"`,
  duration: sql`r.duration`,
  score: sql`r."scorePercent"`,
};

/**
 * One page of a quiz's attempts with the student's name, sorted, filtered by
 * state and searched by name, username or email, with the total from a window
 * count. An open attempt past its deadline reads as "closing" until it is
 * submitted. Only the scope's attempts. One statement, whatever the page.
 */
export async function listQuizAttempts(
  db: DbOrTx,
  taskId: string,
  query: AttemptsQuery,
  now: Date = new Date(),
  scope?: AttemptScope,
): Promise<AttemptsPage> {
  const search = query.q ? `%${escapeLike(query.q)}%` : null;
  const direction = query.dir === "asc" ? sql`ASC` : sql`DESC`;
  const result = await db.execute(sql`
    WITH r AS (
      SELECT a.id, a.attempt_number AS "attemptNumber",
        CASE WHEN a.status = 'in_progress' AND a.deadline_at IS NOT NULL AND a.deadline_at <= ${now.toISOString()}::timestamptz
          THEN 'closing' ELSE a.status::text END AS state,
        a.started_at AS "startedAt", a.submitted_at AS "submittedAt",
        a.submitted_at - a.started_at AS duration,
        a.score_points AS "scorePoints", a.max_points AS "maxPoints", a.score_percent AS "scorePercent",
        a.grading_pending AS "gradingPending",
        coalesce(u.display_name, u.username) AS "studentName", u.email AS "studentEmail",
        lower(coalesce(u.display_name, u.username)) AS sort_name
      FROM quiz_attempts a JOIN users u ON u.id = a.user_id
      WHERE a.task_id = ${taskId} ${scopeSql(scope, sql`a.user_id`)}
        ${search ? sql`AND (u.display_name ILIKE ${search} OR u.username ILIKE ${search} OR u.email ILIKE ${search})` : sql``}
    )
    SELECT r.id, r."attemptNumber", r.state, r."startedAt", r."submittedAt",
      extract(epoch FROM r.duration) AS "durationSeconds",
      r."scorePoints", r."maxPoints", r."scorePercent", r."gradingPending", r."studentName", r."studentEmail",
      count(*) OVER () AS total
    FROM r
    ${query.status ? sql`WHERE r.state = ${query.status}` : sql``}
    ORDER BY ${sortColumns[query.sort]} ${direction} NULLS LAST, r.sort_name, r."attemptNumber", r.id
    LIMIT ${attemptsPageSize} OFFSET ${(query.page - 1) * attemptsPageSize}`);
  const raw = rowsOf<Record<string, unknown>>(result);
  const total = raw.length > 0 ? Number(raw[0]!.total) : 0;
  const rows: AttemptResultRow[] = raw.map((row) => ({
    id: String(row.id),
    studentName: String(row.studentName),
    studentEmail: String(row.studentEmail),
    attemptNumber: Number(row.attemptNumber),
    state: row.state as AttemptState,
    startedAt: new Date(row.startedAt as string | Date),
    submittedAt: row.submittedAt ? new Date(row.submittedAt as string | Date) : null,
    durationSeconds: row.durationSeconds === null ? null : Math.round(Number(row.durationSeconds)),
    scorePoints: toNumber(row.scorePoints),
    maxPoints: toNumber(row.maxPoints),
    scorePercent: toNumber(row.scorePercent),
    ...(row.gradingPending === true ? { gradingPending: true } : {}),
  }));
  return { rows, total, page: query.page, pageCount: pageCountOf(total, attemptsPageSize), pageSize: attemptsPageSize };
}

/**
 * Everything the results page shows, or null when the actor may not see this
 * quiz's results: for a section teacher over its sections' students only, and
 * over one section's when `query.section` is set. Four statements, whatever
 * the number of attempts.
 */
export async function loadQuizResults(
  db: DbOrTx,
  actor: Actor,
  ids: { courseId: string; taskId: string },
  query: AttemptsQuery,
  now: Date = new Date(),
): Promise<QuizResults | null> {
  const quiz = await loadResultsQuiz(db, actor, ids);
  if (!quiz) return null;
  const scope = resultsScope(actor, quiz, query.section);
  const [summary, questions, attempts] = await Promise.all([
    loadResultsSummary(db, quiz.taskId, scope),
    loadQuestionRates(db, quiz.taskId, scope),
    listQuizAttempts(db, quiz.taskId, query, now, scope),
  ]);
  return { quiz, summary, questions, attempts };
}

export interface CourseQuizRow {
  taskId: string;
  title: string;
  status: TaskStatus;
  questionCount: number;
  attempts: number;
  students: number;
  averagePercent: number | null;
}

/** The course's quizzes with attempt counts and the average of graded attempts, for its editor. One statement. */
export async function listCourseQuizzes(db: DbOrTx, actor: Actor, courseId: string): Promise<CourseQuizRow[]> {
  if (!uuid.safeParse(courseId).success || (actor.role !== "teacher" && actor.role !== "admin")) return [];
  const rows = await db
    .select({
      taskId: learningTasks.id,
      title: learningTasks.title,
      status: learningTasks.status,
      questionCount: quizzes.questionCount,
      attempts: sql<number>`(SELECT count(*)::int FROM quiz_attempts a WHERE a.task_id = ${learningTasks.id})`,
      students: sql<number>`(SELECT count(DISTINCT a.user_id)::int FROM quiz_attempts a WHERE a.task_id = ${learningTasks.id})`,
      averagePercent: sql<string | null>`(SELECT round(avg(a.score_percent), 2) FROM quiz_attempts a
        WHERE a.task_id = ${learningTasks.id} AND a.status <> 'in_progress' AND a.score_percent IS NOT NULL AND NOT a.grading_pending)`,
    })
    .from(learningTasks)
    .innerJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(eq(courses.id, courseId), taughtCourses(actor)))
    .orderBy(learningTasks.position, learningTasks.title, learningTasks.id);
  return rows.map((row) => ({
    ...row,
    questionCount: Number(row.questionCount),
    attempts: Number(row.attempts),
    students: Number(row.students),
    averagePercent: toNumber(row.averagePercent),
  }));
}
