import type { GradingMethod, QuestionType, ReviewPolicy } from "@/db/schema/enums";

export interface DemoQuestion {
  type: QuestionType;
  text: string;
  points: number;
  explanation: string;
  choices?: { text: string; correct?: boolean }[];
  acceptedAnswers?: string[];
  numeric?: { value: number; tolerance: number };
}

/** A student's submitted attempt: one answer per question, by index (choice indexes or typed text). */
export type DemoAnswer = number[] | string;

export interface DemoQuiz {
  courseSlug: string;
  /** The module (by index) the quiz sits in, after its lessons. */
  moduleIndex: number;
  title: string;
  description: string;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
  reviewPolicy: ReviewPolicy;
  partialCredit: boolean;
  questions: DemoQuestion[];
  attempts: { email: string; answers: DemoAnswer[] }[];
}

export const demoQuizzes: DemoQuiz[] = [
  {
    courseSlug: "algebra-essentials",
    moduleIndex: 0,
    title: "Linear equations check",
    description: "Five short questions on expressions and linear equations. You have 10 minutes and two attempts; your best score counts.",
    timeLimitMinutes: 10,
    attemptsAllowed: 2,
    gradingMethod: "highest",
    reviewPolicy: "after_submit",
    partialCredit: true,
    questions: [
      {
        type: "single_choice",
        text: "Solve `3x + 2 = 11`.",
        points: 1,
        explanation: "Subtract 2 from both sides (`3x = 9`), then divide by 3.",
        choices: [{ text: "x = 2" }, { text: "x = 3", correct: true }, { text: "x = 9" }, { text: "x = 13/3" }],
      },
      {
        type: "multiple_choice",
        text: "Which of these are equations?",
        points: 2,
        explanation: "An equation states that two expressions are equal, so it has an `=` sign.",
        choices: [{ text: "`2x + 1 = 5`", correct: true }, { text: "`4y - 3`" }, { text: "`a = b + 2`", correct: true }, { text: "`7z`" }],
      },
      {
        type: "true_false",
        text: "`2(x + 3)` is the same expression as `2x + 6`.",
        points: 1,
        explanation: "Multiplying out the bracket gives `2·x + 2·3 = 2x + 6`.",
        choices: [{ text: "True", correct: true }, { text: "False" }],
      },
      {
        type: "short_answer",
        text: "What do we call the letter that stands for an unknown number?",
        points: 1,
        explanation: "A letter standing for a number we do not know yet is a variable (sometimes called an unknown).",
        acceptedAnswers: ["variable", "a variable", "unknown", "an unknown"],
      },
      {
        type: "numeric",
        text: "Solve `5x - 4 = 8` for x. Give your answer to one decimal place.",
        points: 1,
        explanation: "`5x = 12`, so `x = 12 / 5 = 2.4`.",
        numeric: { value: 2.4, tolerance: 0.05 },
      },
    ],
    attempts: [
      { email: "student8@jeevi.example", answers: [[1], [0, 2], [0], "Variable", "2.4"] },
      { email: "student9@jeevi.example", answers: [[0], [0, 1], [0], "letter", "2.4"] },
    ],
  },
];
