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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("quizzes_time_limit_positive", sql`${t.timeLimitMinutes} IS NULL OR ${t.timeLimitMinutes} BETWEEN 1 AND 1440`),
    check("quizzes_attempts_allowed_positive", sql`${t.attemptsAllowed} IS NULL OR ${t.attemptsAllowed} BETWEEN 1 AND 100`),
  ],
);

export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => quizzes.taskId, { onDelete: "cascade" }),
    type: questionType().notNull(),
    text: text().notNull(),
    points: integer().notNull().default(1),
    position: integer().notNull().default(0),
    explanation: text().notNull().default(""),
    /** Short answer: compared case-insensitively after trimming. */
    acceptedAnswers: text().array().notNull().default(sql`'{}'::text[]`),
    /** Numeric: the right value and how far an answer may be from it. */
    numericValue: doublePrecision(),
    numericTolerance: doublePrecision().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("quiz_questions_task_id_position_idx").on(t.taskId, t.position),
    check("quiz_questions_points_positive", sql`${t.points} > 0`),
    check("quiz_questions_tolerance_nonnegative", sql`${t.numericTolerance} >= 0`),
    check("quiz_questions_position_nonnegative", sql`${t.position} >= 0`),
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
    /** The quiz's content version this attempt was last graded against. */
    gradedVersion: integer(),
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

/** What a student answered: `{ choiceIds }` for choice questions, `{ text }` for short answer and numeric. */
export type StoredResponse = { choiceIds: string[] } | { text: string };

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
  },
  (t) => [
    uniqueIndex("quiz_answers_attempt_question_key").on(t.attemptId, t.questionId),
    index("quiz_answers_question_id_idx").on(t.questionId),
  ],
);

export type Quiz = typeof quizzes.$inferSelect;
export type QuizQuestion = typeof quizQuestions.$inferSelect;
export type QuizChoice = typeof quizChoices.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type QuizAnswer = typeof quizAnswers.$inferSelect;
