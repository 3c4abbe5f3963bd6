import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";
import { essayMaxLength } from "../question-data";

/** The most a typed answer (short answer, numeric or a cloze gap) may hold. */
export const answerTextMaxLength = 1000;

export const startAttemptSchema = z.object({
  taskId: z.uuid("Choose a quiz."),
});

// The shapes any answer may take; save-answer then checks the shape against
// the question's type and its ids against the question's own.
export const answerResponseSchema = z.union([
  z.object({ choiceIds: z.array(z.uuid("Choose one of the answers.")).max(50, "Too many answers chosen.") }).strict(),
  // One line for short answer and numeric, many for an essay: the server trims it to the type's own rule.
  z.object({ text: multiLineText().max(essayMaxLength, `Keep your answer under ${essayMaxLength} characters.`) }).strict(),
  z
    .object({
      matches: z
        .record(z.uuid("Match each item with one of the answers."), z.union([z.uuid("Match each item with one of the answers."), z.literal("")]))
        .refine((matches) => Object.keys(matches).length <= 60, "Too many matches."),
    })
    .strict(),
  z.object({ order: z.array(z.uuid("Put the items in order.")).max(60, "Too many items.") }).strict(),
  z
    .object({ gaps: z.array(oneLineText().max(answerTextMaxLength, `Keep each blank under ${answerTextMaxLength} characters.`)).max(60, "Too many blanks.") })
    .strict(),
]);

export const saveAnswerSchema = z.object({
  attemptId: z.uuid("Choose an attempt."),
  questionId: z.uuid("Choose a question."),
  response: answerResponseSchema,
});

export const submitAttemptSchema = z.object({
  attemptId: z.uuid("Choose an attempt."),
});

export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;
