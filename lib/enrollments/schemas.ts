import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

export const enrollSchema = z.object({
  courseId: z.uuid("Choose a course."),
  enrollmentKey: oneLineText()
    .max(100, "An enrolment key has at most 100 characters.")
    .optional()
    .transform((value) => value?.trim() || undefined),
});

export const dropSchema = z.object({
  courseId: z.uuid("Choose a course."),
});

export type EnrollInput = z.input<typeof enrollSchema>;
