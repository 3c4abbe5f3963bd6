import { z } from "zod";
import { overrideSchemasFor } from "./override-fields";

// A section's own due date, time limit and attempts on a quiz or assignment:
// the same fields and messages as a student's override (override-fields.ts),
// for the teacher's form, its server actions and the REST body.

export const sectionOverrideNothingMessage = "Set a due date, a time limit or a number of attempts for this section.";

const schemas = overrideSchemasFor("sectionId", z.uuid("Choose a section."), sectionOverrideNothingMessage);

/** The REST body of PUT /api/v1/tasks/{taskId}/section-overrides/{sectionId}. Unknown fields are refused. */
export const sectionOverrideBodySchema = schemas.body;

export const saveSectionOverrideSchema = schemas.save;
export type SaveSectionOverrideValues = z.output<typeof saveSectionOverrideSchema>;

export const removeSectionOverrideSchema = schemas.remove;

/** The teacher's form: the student form's fields with a section instead of a student. */
export const sectionOverrideFormSchema = schemas.form;
export type SectionOverrideFormInput = z.input<ReturnType<typeof sectionOverrideFormSchema>>;
export type SectionOverrideFormValues = z.output<ReturnType<typeof sectionOverrideFormSchema>>;
