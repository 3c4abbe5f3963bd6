import type { GradingMethod, QuestionType } from "@/db/schema/enums";
import type { StoredResponse } from "@/db/schema/quizzes";

export type { GradingMethod, QuestionType, StoredResponse };

/** Everything grading needs to know about a question, and nothing a student sees. */
export interface GradableQuestion {
  id: string;
  type: QuestionType;
  points: number;
  choices: { id: string; isCorrect: boolean }[];
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
}

export interface GradingOptions {
  /** Multiple choice earns right picks minus wrong picks (never below zero) instead of all or nothing. */
  partialCredit: boolean;
}

export interface QuestionGrade {
  questionId: string;
  answered: boolean;
  /** Full marks only; a partly right multiple choice answer is not correct. */
  isCorrect: boolean;
  pointsAwarded: number;
}

export interface AttemptGrade {
  questions: QuestionGrade[];
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
}

export interface GradedAttempt {
  attemptNumber: number;
  scorePoints: number;
  maxPoints: number;
}
