import { z } from "zod";
import { overrideFieldMessages, overrideSchemasFor } from "./override-fields";

// A student's own due date, time limit and attempts on a quiz or assignment:
// the fields shared with a section's override (override-fields.ts), for the
// teacher's form, its server actions and the REST body.

export const overrideMessages = {
  ...overrideFieldMessages,
  nothing: "Set a due date, a time limit or a number of attempts for this student.",
} as const;

const schemas = overrideSchemasFor("userId", z.uuid("Choose a student."), overrideMessages.nothing);

/** The REST body of PUT /api/v1/tasks/{taskId}/overrides/{userId}. Unknown fields are refused. */
export const overrideBodySchema = schemas.body;

export const saveOverrideSchema = schemas.save;
export type SaveOverrideInput = z.input<typeof saveOverrideSchema>;
export type SaveOverrideValues = z.output<typeof saveOverrideSchema>;

export const removeOverrideSchema = schemas.remove;

/** The teacher's form, its due date read in the teacher's chosen time zone (or the browser's). */
export const overrideFormSchema = schemas.form;
export type OverrideFormInput = z.input<ReturnType<typeof overrideFormSchema>>;
export type OverrideFormValues = z.output<ReturnType<typeof overrideFormSchema>>;
