import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { attemptStatus, gradingMethod, questionType, reviewPolicy } from "./enums";
import { learningTasks } from "./tasks";
import { questionBankEntries, questionCategories } from "./question-bank";
import { courses } from "./courses";
import { users } from "./users";

// A quiz is a learning task of type quiz; its title, description, due date,
// status (publish) and max points (the sum of its questions' points) stay on
// the task row, so progress and gradebooks read every task the same way.
export const quizzes = pgTable(
  "quizzes",
  {
    taskId: uuid()
      .primaryKey()
      .references(() => learningTasks.id, { onDelete: "cascade" }),
    timeLimitMinutes: integer(),
    /** Null means unlimited. */
    attemptsAllowed: integer().default(1),
    gradingMethod: gradingMethod().notNull().default("highest"),
    shuffleQuestions: boolean().notNull().default(false),
    shuffleChoices: boolean().notNull().default(false),
    partialCredit: boolean().notNull().default(false),
    reviewPolicy: reviewPolicy().notNull().default("after_submit"),
    // Bumped by every change to the questions: an attempt graded at an older
    // version may score differently now, which the builder offers to re-grade.
    contentVersion: integer().notNull().default(1),
    /** Questions an attempt gets: chosen ones plus each random slot's draw count. */
    questionCount: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("quizzes_time_limit_positive", sql`${t.timeLimitMinutes} IS NULL OR ${t.timeLimitMinutes} BETWEEN 1 AND 1440`),
    check("quizzes_attempts_allowed_positive", sql`${t.attemptsAllowed} IS NULL OR ${t.attemptsAllowed} BETWEEN 1 AND 100`),
  ],
);

/**
 * A quiz's place for questions, in order: one chosen bank question, or a
 * random draw of `drawCount` questions from a category (and optionally a tag),
 * each worth `points`. Each attempt records the versions it drew.
 */
export const quizSlots = pgTable(
  "quiz_slots",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => quizzes.taskId, { onDelete: "cascade" }),
    position: integer().notNull().default(0),
    entryId: uuid().references(() => questionBankEntries.id, { onDelete: "cascade" }),
    /** Random slot: the category drawn from (its subcategories too when asked); null draws from the whole bank. */
    categoryId: uuid().references(() => questionCategories.id, { onDelete: "restrict" }),
    includeSubcategories: boolean().notNull().default(false),
    tag: varchar({ length: 60 }),
    drawCount: integer().notNull().default(1),
    /** Points of each drawn question in a random slot; null for a chosen question (its own points). */
    points: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("quiz_slots_task_id_position_idx").on(t.taskId, t.position),
    index("quiz_slots_entry_id_idx").on(t.entryId),
    index("quiz_slots_category_id_idx").on(t.categoryId),
    check(
      "quiz_slots_kind",
      sql`(${t.entryId} IS NOT NULL AND ${t.categoryId} IS NULL AND ${t.tag} IS NULL AND ${t.drawCount} = 1 AND ${t.points} IS NULL)
        OR (${t.entryId} IS NULL AND ${t.drawCount} BETWEEN 1 AND 100 AND ${t.points} BETWEEN 1 AND 1000)`,
    ),
    check("quiz_slots_position_nonnegative", sql`${t.position} >= 0`),
  ],
);

// A question version: the content of a bank entry as it was when students saw
// it. The current version is the one quizzes show from now on; older versions
// stay for the attempts that were answered with them.
export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => questionBankEntries.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    version: integer().notNull().default(1),
    isCurrent: boolean().notNull().default(true),
    type: questionType().notNull(),
    /** A short name for the bank's lists; "" shows the text's start instead. */
    name: varchar({ length: 200 }).notNull().default(""),
    text: text().notNull(),
    points: integer().notNull().default(1),
    explanation: text().notNull().default(""),
    /** Short answer: compared case-insensitively after trimming. */
    acceptedAnswers: text().array().notNull().default(sql`'{}'::text[]`),
    /** Numeric: the right value and how far an answer may be from it. */
    numericValue: doublePrecision(),
    numericTolerance: doublePrecision().notNull().default(0),
    /** What a type needs beyond the columns (weighted answers, pairs, gaps); null when nothing. */
    data: jsonb().$type<Record<string, unknown>>(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("quiz_questions_entry_version_key").on(t.entryId, t.version),
    uniqueIndex("quiz_questions_one_current_key").on(t.entryId).where(sql`${t.isCurrent}`),
    index("quiz_questions_course_current_idx").on(t.courseId).where(sql`${t.isCurrent}`),
    check("quiz_questions_points_positive", sql`${t.points} > 0`),
    check("quiz_questions_tolerance_nonnegative", sql`${t.numericTolerance} >= 0`),
    check("quiz_questions_version_positive", sql`${t.version} > 0`),
  ],
);

export const quizChoices = pgTable(
  "quiz_choices",
  {
    id: uuid().primaryKey().defaultRandom(),
    questionId: uuid()
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    text: varchar({ length: 500 }).notNull(),
    isCorrect: boolean().notNull().default(false),
    /** Share of the points in percent (-100..100) for imported weighted choices; null: by isCorrect. */
    weight: numeric({ precision: 6, scale: 2, mode: "number" }),
    /** Shown on review beside the choice when it was picked. */
    feedback: text().notNull().default(""),
    /** The choice of the previous version this one continues, so a re-grade can carry a pick over to it. */
    previousId: uuid(),
    position: integer().notNull().default(0),
  },
  (t) => [index("quiz_choices_question_id_position_idx").on(t.questionId, t.position)],
);

export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => quizzes.taskId, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    attemptNumber: integer().notNull(),
    status: attemptStatus().notNull().default("in_progress"),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Fixed on the server at start: started at + time limit, capped at the due date. Null: no limit. */
    deadlineAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    scorePoints: numeric({ precision: 8, scale: 2, mode: "number" }),
    maxPoints: integer(),
    scorePercent: numeric({ precision: 5, scale: 2, mode: "number" }),
    /** The question order this student sees (shuffled once, at start) and each question's choice order. */
    questionOrder: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    choiceOrder: jsonb().$type<Record<string, string[]>>().notNull().default({}),
    /** Each question version's points in this attempt (a random slot's points for drawn ones), fixed at start. */
    questionPoints: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** The quiz's content version this attempt was last graded against. */
    gradedVersion: integer(),
    /** An answered essay waits for a teacher's score: the score so far counts only what is graded. */
    gradingPending: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("quiz_attempts_task_user_number_key").on(t.taskId, t.userId, t.attemptNumber),
    // At most one open attempt per student and quiz, whatever races the start.
    uniqueIndex("quiz_attempts_one_open_key")
      .on(t.taskId, t.userId)
      .where(sql`${t.status} = 'in_progress'`),
    index("quiz_attempts_user_id_idx").on(t.userId),
    // "Was this question version given to any attempt?" decides whether an edit is a new version.
    index("quiz_attempts_question_order_idx").using("gin", t.questionOrder),
    // The grading queue's quiz essays: closed attempts waiting for a teacher's score.
    index("quiz_attempts_grading_pending_idx")
      .on(t.taskId)
      .where(sql`${t.gradingPending}`),
    index("quiz_attempts_open_deadline_idx")
      .on(t.deadlineAt)
      .where(sql`${t.status} = 'in_progress'`),
    check("quiz_attempts_number_positive", sql`${t.attemptNumber} > 0`),
    check("quiz_attempts_score_percent_range", sql`${t.scorePercent} IS NULL OR ${t.scorePercent} BETWEEN 0 AND 100`),
    check(
      "quiz_attempts_submitted_at_when_closed",
      sql`(${t.status} = 'in_progress') = (${t.submittedAt} IS NULL)`,
    ),
  ],
);

/**
 * What a student answered: `{ choiceIds }` for choice questions, `{ text }` for
 * short answer, numeric and essay, `{ matches }` (prompt id → answer id) for
 * matching, `{ order }` (item ids) for ordering, `{ gaps }` (by gap) for cloze.
 */
export type StoredResponse =
  | { choiceIds: string[] }
  | { text: string }
  | { matches: Record<string, string> }
  | { order: string[] }
  | { gaps: string[] };

export const quizAnswers = pgTable(
  "quiz_answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    attemptId: uuid()
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    questionId: uuid()
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    response: jsonb().$type<StoredResponse>().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    isCorrect: boolean(),
    pointsAwarded: numeric({ precision: 8, scale: 2, mode: "number" }),
    /** A teacher's score for an essay, in points; null until graded by hand. */
    manualPoints: numeric({ precision: 8, scale: 2, mode: "number" }),
    /** The teacher's comment on the essay, Markdown; shown with the review. */
    graderComment: text().notNull().default(""),
    gradedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    gradedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("quiz_answers_attempt_question_key").on(t.attemptId, t.questionId),
    index("quiz_answers_question_id_idx").on(t.questionId),
  ],
);

export type Quiz = typeof quizzes.$inferSelect;
export type QuizSlot = typeof quizSlots.$inferSelect;
export type QuizQuestion = typeof quizQuestions.$inferSelect;
export type QuizChoice = typeof quizChoices.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type QuizAnswer = typeof quizAnswers.$inferSelect;
