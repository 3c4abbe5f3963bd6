import { z } from "zod";
import { multiLineText } from "@/lib/text/one-line";

// What a teacher sends to grade one essay: the same schema checks the form,
// the server action and the REST body. The upper bound of the points is the
// question's points in that attempt, which only the server knows: it adds that
// check, with its message next to the same field.

/** Decimals to two places, tolerant of binary floating point (1.15 * 100 is 114.99999…). */
const hasTwoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/**
 * A form sends text, the API a number: text is read as a number, an empty
 * field as missing. Never z.coerce, which would read null or "" as 0 points.
 */
const readPoints = (value: unknown) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value);

/** The points as a number: what the REST body carries. */
export const essayPointsNumber = z
  .number({ error: "Enter the points as a number." })
  .min(0, { error: "Points cannot be negative." })
  .max(10_000, { error: "That is more points than any question has." })
  .refine(hasTwoDecimals, { error: "Use at most two decimals." });

/** The same points, also read from a form's text. */
export const essayPointsSchema = z.preprocess(readPoints, essayPointsNumber);

export const essayCommentSchema = multiLineText("Write the comment as text.")
  .max(20_000, { error: "Keep the comment under 20,000 characters." })
  .default("");

export const gradeEssaySchema = z.object({
  attemptId: z.uuid({ error: "Choose a valid attempt." }),
  questionId: z.uuid({ error: "Choose a valid question." }),
  points: essayPointsSchema,
  comment: essayCommentSchema,
});
export type GradeEssayInput = z.input<typeof gradeEssaySchema>;
export type GradeEssayValues = z.output<typeof gradeEssaySchema>;

/**
 * The REST body: the attempt and question are in the path, and the points a
 * JSON number (a schema without a preprocess step, so OpenAPI can describe it).
 */
export const gradeEssayBodySchema = z.object({
  points: essayPointsNumber.describe("0 up to the question's points in this attempt, at most two decimals."),
  comment: essayCommentSchema.describe("Markdown, shown to the student with the review."),
});
