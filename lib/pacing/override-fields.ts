import { z } from "zod";
import { browserTimeZone, wallTimeToInstant } from "./wall-time";

// The fields of an override (own due date, time limit and attempts on a quiz
// or assignment), whoever it is for: a student (override-schemas.ts) or a
// section (section-override-schemas.ts). The teacher's forms, their server
// actions and the REST bodies all read them, so all refuse the same input
// with the same message next to the same field. The rules that need the task
// (quizzes only for limits and attempts, a due date in the future) are
// checked by the commands, next to the same fields.

export const overrideLimits = { timeLimit: 1440, attempts: 100 } as const;

export const overrideFieldMessages = {
  dueAt: "Enter a valid date and time (ISO 8601 with a time zone, such as 2026-12-10T18:00:00Z).",
  timeLimit: `Enter a time limit from 1 to ${overrideLimits.timeLimit} minutes, or leave it empty.`,
  attempts: `Enter a number of attempts from 1 to ${overrideLimits.attempts}, or leave it empty.`,
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
  z.date(overrideFieldMessages.dueAt).nullable(),
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

// The descriptions are the REST API's (OpenAPI) wording, the same for both bodies.
export const overrideValuesShape = {
  dueAt: dueAt.describe("The student's own due date, ISO 8601 with a time zone; null keeps the task's."),
  timeLimitMinutes: optionalWholeNumber(1, overrideLimits.timeLimit, overrideFieldMessages.timeLimit).describe(
    "Quizzes only: the student's own time limit in minutes (1-1440); null keeps the quiz's.",
  ),
  attemptsAllowed: optionalWholeNumber(1, overrideLimits.attempts, overrideFieldMessages.attempts).describe(
    "Quizzes only: the student's own number of attempts (1-100); null keeps the quiz's.",
  ),
};

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

/**
 * The teacher's form fields: the due date as a datetime-local input types it,
 * read in the teacher's chosen time zone (or, without one, the browser's), and
 * handed to the action as an instant; the limits as typed text. A time the
 * clocks skip is refused, as release conditions refuse it.
 */
const overrideFormFields = (timeZone: string | null) => ({
  dueAt: formDueAt(timeZone),
  timeLimitMinutes: overrideValuesShape.timeLimitMinutes,
  attemptsAllowed: overrideValuesShape.attemptsAllowed,
});

type FormFields = z.ZodObject<ReturnType<typeof overrideFormFields>>;
export type OverrideFormFieldsInput = z.input<FormFields>;
export type OverrideFormFieldsValues = z.output<FormFields>;

type OverrideValues = { dueAt: Date | null; timeLimitMinutes: number | null; attemptsAllowed: number | null };

/**
 * An override sets at least one field; else `nothing` stands next to the due
 * date. It takes `unknown` because zod cannot name the output of a shape with
 * a generic key; every schema below has the three fields.
 */
const requireSomething = (nothing: string) => (parsed: unknown, context: z.RefinementCtx) => {
  const value = parsed as OverrideValues;
  if (value.dueAt === null && value.timeLimitMinutes === null && value.attemptsAllowed === null) {
    context.addIssue({ code: "custom", path: ["dueAt"], message: nothing });
  }
};

const taskId = z.uuid("Choose a quiz or assignment.");

/**
 * The schemas of the overrides for one kind of target, named by `key`
 * ("userId", "sectionId"): the REST body (unknown fields refused), the save
 * and remove actions' input, and the teacher's form.
 */
export function overrideSchemasFor<K extends string>(key: K, target: z.ZodUUID, nothing: string) {
  const keyShape = { [key]: target } as Record<K, z.ZodUUID>;
  const refine = requireSomething(nothing);
  return {
    body: z.strictObject(overrideValuesShape).superRefine(refine),
    save: z.object({ taskId, ...keyShape, ...overrideValuesShape }).superRefine(refine),
    remove: z.object({ taskId, ...keyShape }),
    form: (timeZone: string | null) => z.object({ ...keyShape, ...overrideFormFields(timeZone) }).superRefine(refine),
  };
}
