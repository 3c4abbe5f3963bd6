import { z } from "zod";
import { formDueAt, overrideValuesShape } from "./override-schemas";

// A section's own due date, time limit and attempts on a quiz or assignment:
// the same fields and messages as a student's override (override-schemas.ts),
// shared by the teacher's form, its server actions and the REST body.

export const sectionOverrideNothingMessage = "Set a due date, a time limit or a number of attempts for this section.";

type Values = { dueAt: Date | null; timeLimitMinutes: number | null; attemptsAllowed: number | null };

function requireSomething(value: Values, context: z.RefinementCtx) {
  if (value.dueAt === null && value.timeLimitMinutes === null && value.attemptsAllowed === null) {
    context.addIssue({ code: "custom", path: ["dueAt"], message: sectionOverrideNothingMessage });
  }
}

const taskId = z.uuid("Choose a quiz or assignment.");
const sectionId = z.uuid("Choose a section.");

/** The REST body of PUT /api/v1/tasks/{taskId}/section-overrides/{sectionId}. Unknown fields are refused. */
export const sectionOverrideBodySchema = z.strictObject(overrideValuesShape).superRefine(requireSomething);

export const saveSectionOverrideSchema = z.object({ taskId, sectionId, ...overrideValuesShape }).superRefine(requireSomething);
export type SaveSectionOverrideValues = z.output<typeof saveSectionOverrideSchema>;

export const removeSectionOverrideSchema = z.object({ taskId, sectionId });

/** The teacher's form: the student form's fields with a section instead of a student. */
export const sectionOverrideFormSchema = (timeZone: string | null) =>
  z
    .object({
      sectionId,
      dueAt: formDueAt(timeZone),
      timeLimitMinutes: overrideValuesShape.timeLimitMinutes,
      attemptsAllowed: overrideValuesShape.attemptsAllowed,
    })
    .superRefine(requireSomething);
export type SectionOverrideFormInput = z.input<ReturnType<typeof sectionOverrideFormSchema>>;
export type SectionOverrideFormValues = z.output<ReturnType<typeof sectionOverrideFormSchema>>;
