import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

/** The most a copy or import may move due dates: ten years either way. */
export const maxDateOffsetDays = 3650;

// What the teacher chose for a copy or an import, kept on the transfer row
// until the background job reads it. One schema for the forms, the API and the job.
export const transferOptionsSchema = z.object({
  /** The new course's title; the source's when empty. */
  title: oneLineText()
    .max(200, "A title has at most 200 characters.")
    .nullish()
    .transform((value) => (value ? value : null)),
  dateOffsetDays: z.coerce
    .number("Give the shift as a whole number of days.")
    .int("Give the shift as a whole number of days.")
    .min(-maxDateOffsetDays, `Dates move by at most ${maxDateOffsetDays} days.`)
    .max(maxDateOffsetDays, `Dates move by at most ${maxDateOffsetDays} days.`)
    .default(0),
  /** A backup's enrolments and work are restored too (only when it has them). */
  withWork: z.boolean().default(false),
  /** A cartridge has no subject of ours: the importer names one. */
  subject: z.string().max(60).nullish(),
});

export type TransferOptions = z.output<typeof transferOptionsSchema>;

// The forms' and the API's schemas: plain zod, so the browser's form uses the very same rules.
export const copyCourseSchema = transferOptionsSchema.pick({ title: true, dateOffsetDays: true }).extend({ courseId: z.uuid("This course does not exist.") });
export const confirmImportSchema = transferOptionsSchema.extend({ transferId: z.uuid("This import does not exist.") });
export const transferIdSchema = z.object({ transferId: z.uuid("This import does not exist.") });
