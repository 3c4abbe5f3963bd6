import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

/** The most a typed answer (short answer or numeric) may hold. */
export const answerTextMaxLength = 1000;

export const startAttemptSchema = z.object({
  taskId: z.uuid("Choose a quiz."),
});

export const answerResponseSchema = z.union([
  z.object({ choiceIds: z.array(z.uuid("Choose one of the answers.")).max(50, "Too many answers chosen.") }).strict(),
  z
    .object({ text: oneLineText().max(answerTextMaxLength, `Keep your answer under ${answerTextMaxLength} characters.`) })
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
