import { z } from "zod";
import { multiLineText } from "@/lib/text/one-line";

const id = (what: string) => z.uuid({ error: `Choose a valid ${what}.` });

/** What a student hands in: text, files (already uploaded by the student), or both. */
export const submitWorkSchema = z.object({
  taskId: id("assignment"),
  text: multiLineText().max(50_000, { error: "Keep the text under 50,000 characters." }).default(""),
  fileIds: z.array(id("file")).max(20, { error: "Hand in at most 20 files." }).default([]),
});
export type SubmitWorkInput = z.input<typeof submitWorkSchema>;

const points = z.coerce
  .number({ error: "Enter the points as a number." })
  .min(0, { error: "Points cannot be negative." })
  .max(100_000, { error: "That is more points than any assignment has." })
  .refine((value) => Math.round(value * 100) === value * 100, { error: "Use at most two decimals." });

/**
 * A grader's decision. `revision` is the submission's revision the form was
 * loaded with: a save based on an older one is refused as a conflict.
 */
export const gradeSubmissionSchema = z.object({
  submissionId: id("submission"),
  revision: z.coerce.number().int().positive(),
  points,
  feedback: multiLineText().max(20_000, { error: "Keep the feedback under 20,000 characters." }).default(""),
  release: z.boolean().default(false),
});
export type GradeSubmissionInput = z.input<typeof gradeSubmissionSchema>;

export const returnSubmissionSchema = z.object({
  submissionId: id("submission"),
  revision: z.coerce.number().int().positive(),
  feedback: multiLineText()
    .trim()
    .min(1, { error: "Tell the student what to change before returning the work." })
    .max(20_000, { error: "Keep the feedback under 20,000 characters." }),
});
export type ReturnSubmissionInput = z.input<typeof returnSubmissionSchema>;
