import type { GradingMethod, QuestionType } from "@/db/schema/enums";
import type { StoredResponse } from "@/db/schema/quizzes";

export type { GradingMethod, QuestionType, StoredResponse };

/**
 * The types grading understands: the database's, plus those imported from other
 * systems (Moodle, QTI) that the `question_type` enum does not list yet.
 */
export type GradableQuestionType = QuestionType | "matching" | "ordering" | "cloze" | "essay";

/** Each prompt has one right answer; `answers` also holds the distractors. */
export interface MatchingData {
  kind: "matching";
  prompts: { id: string; answerId: string }[];
  answers: { id: string }[];
}

/** The item ids in their right order. */
export interface OrderingData {
  kind: "ordering";
  itemIds: string[];
}

/** Weights are percent of the gap's points (100 = full marks), like Moodle's answer fractions. */
export type ClozeGap =
  | { kind: "short_answer"; points: number; answers: { text: string; weight: number }[] }
  | { kind: "numeric"; points: number; answers: { value: number; tolerance: number; weight: number }[] }
  | { kind: "dropdown"; points: number; options: { id: string; weight: number }[] };

export interface ClozeData {
  kind: "cloze";
  gaps: ClozeGap[];
}

/** What a type needs beyond the columns (the `data` column of a question). An essay needs nothing. */
export type QuestionData = MatchingData | OrderingData | ClozeData;

/** A matching answer: the answer id picked for each prompt id. */
export interface MatchingResponse {
  matches: Record<string, string>;
}

/** An ordering answer: the item ids in the order the student put them. */
export interface OrderingResponse {
  order: string[];
}

/** A cloze answer, by gap index: the text typed, or the option id picked for a dropdown. */
export interface ClozeResponse {
  gaps: string[];
}

/**
 * Every saved answer shape grading reads. A superset of the database's
 * StoredResponse, so whatever holds a StoredResponse can be graded; an essay is
 * answered with `{ text }`.
 */
export type AnyResponse = StoredResponse | MatchingResponse | OrderingResponse | ClozeResponse;

/** An answer with its share of the points in percent (100 = full marks, below 0 a penalty). */
export interface WeightedTextAnswer {
  text: string;
  weight: number;
}

export interface WeightedNumericAnswer {
  value: number;
  tolerance: number;
  weight: number;
}

/** Everything grading needs to know about a question, and nothing a student sees. */
export interface GradableQuestion {
  id: string;
  type: GradableQuestionType;
  points: number;
  /**
   * `weight`: the choice's share of the points in percent (-100..100); null or
   * absent derives it from isCorrect (the rules without weights).
   */
  choices: { id: string; isCorrect: boolean; weight?: number | null }[];
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  /** Weighted short answers; when present they replace acceptedAnswers. */
  answers?: WeightedTextAnswer[];
  /** Weighted numeric answers; when present they replace numericValue and numericTolerance. */
  numericAnswers?: WeightedNumericAnswer[];
  /** The type's own data (matching, ordering, cloze); a question without the data of its type scores zero. */
  data?: QuestionData;
}

export interface GradingOptions {
  /** Multiple choice earns right picks minus wrong picks (never below zero) instead of all or nothing. */
  partialCredit: boolean;
  /**
   * A teacher's score for an essay, by question id, in points. Only essays
   * read it: other types are graded automatically.
   */
  manualPoints?: ReadonlyMap<string, number>;
}

export interface QuestionGrade {
  questionId: string;
  answered: boolean;
  /** Full marks only; a partly right multiple choice answer is not correct. */
  isCorrect: boolean;
  pointsAwarded: number;
  /**
   * Set (true) only on an answered essay still waiting for a teacher's score;
   * absent otherwise. Absent rather than false so that grades of the other
   * types keep exactly the shape they had before essays existed.
   */
  pending?: boolean;
}

export interface AttemptGrade {
  questions: QuestionGrade[];
  /** While `pending`, only what is graded: an essay awaiting its score counts 0 here but its points count in maxPoints. */
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  /** Set (true) while some question awaits a teacher's score; absent otherwise (see QuestionGrade.pending). */
  pending?: boolean;
}

export interface GradedAttempt {
  attemptNumber: number;
  scorePoints: number;
  maxPoints: number;
}
