import { limits } from "@/lib/quizzes/authoring/schemas";

/** What a bank question may hold: the question form's own limits. */
export const questionLimits = { points: limits.points, choices: limits.choices, acceptedAnswers: limits.acceptedAnswers, answerExtras: limits.numericOthers, text: 5000 } as const;
