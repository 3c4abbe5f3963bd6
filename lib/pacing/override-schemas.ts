import { z } from "zod";
import { browserTimeZone, wallTimeToInstant } from "./wall-time";

// A student's own due date, time limit and attempts on a quiz or assignment:
// shared by the teacher's form, its server actions and the REST body, so all
// three refuse the same input with the same message next to the same field.
// The rules that need the task (quizzes only for limits and attempts, a due
// date in the future) are checked by the command, next to the same fields.

export const overrideLimits = { timeLimit: 1440, attempts: 100 } as const;

export const overrideMessages = {
  dueAt: "Enter a valid date and time (ISO 8601 with a time zone, such as 2026-12-10T18:00:00Z).",
  timeLimit: `Enter a time limit from 1 to ${overrideLimits.timeLimit} minutes, or leave it empty.`,
  attempts: `Enter a number of attempts from 1 to ${overrideLimits.attempts}, or leave it empty.`,
  nothing: "Set a due date, a time limit or a number of attempts for this student.",
} as const;

const isoInstant = z.iso.datetime({ offset: true });

/** An instant: a Date (server actions) or ISO 8601 text with its offset (forms send one, the API too); empty is none. */
const dueAt = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === "") return null;
    if (value instanceof Date) return value;
    if (typeof value === "string" && isoInstant.safeParse(value).success) return new Date(value);
    return new Date(Number.NaN);
  },
  z.date(overrideMessages.dueAt).nullable(),
);

/** A whole number from a form's text or the API's number; empty (or null) is none. */
const optionalWholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null;
      if (typeof value === "string") return value.trim() === "" ? null : Number(value.trim());
      return value;
    },
    z.number(message).int(message).min(min, message).max(max, message).nullable(),
  );

export const overrideValuesShape = {
  dueAt: dueAt.describe("The student's own due date, ISO 8601 with a time zone; null keeps the task's."),
  timeLimitMinutes: optionalWholeNumber(1, overrideLimits.timeLimit, overrideMessages.timeLimit).describe(
    "Quizzes only: the student's own time limit in minutes (1-1440); null keeps the quiz's.",
  ),
  attemptsAllowed: optionalWholeNumber(1, overrideLimits.attempts, overrideMessages.attempts).describe(
    "Quizzes only: the student's own number of attempts (1-100); null keeps the quiz's.",
  ),
};

type OverrideValues = { dueAt: Date | null; timeLimitMinutes: number | null; attemptsAllowed: number | null };

function requireSomething(value: OverrideValues, context: z.RefinementCtx) {
  if (value.dueAt === null && value.timeLimitMinutes === null && value.attemptsAllowed === null) {
    context.addIssue({ code: "custom", path: ["dueAt"], message: overrideMessages.nothing });
  }
}

const taskId = z.uuid("Choose a quiz or assignment.");
const userId = z.uuid("Choose a student.");

/** The REST body of PUT /api/v1/tasks/{taskId}/overrides/{userId}. Unknown fields are refused. */
export const overrideBodySchema = z.strictObject(overrideValuesShape).superRefine(requireSomething);

export const saveOverrideSchema = z.object({ taskId, userId, ...overrideValuesShape }).superRefine(requireSomething);
export type SaveOverrideInput = z.input<typeof saveOverrideSchema>;
export type SaveOverrideValues = z.output<typeof saveOverrideSchema>;

export const removeOverrideSchema = z.object({ taskId, userId });

/**
 * The teacher's form: the due date as a datetime-local input types it, read
 * in the teacher's chosen time zone (or, without one, the browser's), and
 * handed to the action as an instant; the limits as typed text. A time the
 * clocks skip is refused, as release conditions refuse it.
 */
export const overrideFormSchema = (timeZone: string | null) =>
  z
    .object({
      userId,
      dueAt: formDueAt(timeZone),
      timeLimitMinutes: overrideValuesShape.timeLimitMinutes,
      attemptsAllowed: overrideValuesShape.attemptsAllowed,
    })
    .superRefine(requireSomething);

/** The form's due date field: datetime-local text in `timeZone` (or the browser's), to an instant; empty is none. */
export function formDueAt(timeZone: string | null) {
  return z
    .string()
    .max(40, "Enter a valid date and time.")
    .transform((local, context) => {
      const text = local.trim();
      if (text === "") return null;
      const zone = timeZone ?? browserTimeZone();
      const result = wallTimeToInstant(text, zone);
      if (!result.ok) {
        context.addIssue({
          code: "custom",
          message: result.reason === "skipped" ? `The clocks skip that time in ${zone}: choose another.` : "Enter a valid date and time.",
        });
        return z.NEVER;
      }
      return result.instant;
    });
}

export type OverrideFormInput = z.input<ReturnType<typeof overrideFormSchema>>;
export type OverrideFormValues = z.output<ReturnType<typeof overrideFormSchema>>;
