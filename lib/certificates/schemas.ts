import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";
import { wordingProblem } from "./wording";

// Certificate rules, templates and revocations: shared by the forms, their
// server actions and the REST bodies, so all three refuse the same input with
// the same message next to the same field. Only zod here: forms import it.

export const minGradeMessage = "Enter a minimum course grade from 0 to 100 (two decimals at most), or leave it empty.";

/** A percentage from a form's text or the API's number; empty (or null) is none. */
const minGradePercent = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value.trim() === "" ? null : Number(value.trim());
    return value;
  },
  z
    .number(minGradeMessage)
    .min(0, minGradeMessage)
    .max(100, minGradeMessage)
    .refine((value) => Number.isInteger(Math.round(value * 100 * 1e6) / 1e6), minGradeMessage)
    .nullable(),
);

/** A template id, or empty / null for the site's default template. */
const templateChoice = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.uuid("Choose one of the templates, or the site's default.").nullable(),
);

export const ruleBodySchema = z.strictObject({
  minGradePercent: minGradePercent.describe("The course grade (gradebook percent, 0-100) a student must also reach; null: completion alone."),
  templateId: templateChoice.describe("The template its certificates use; null: the site's default template."),
});
export type RuleBody = z.output<typeof ruleBodySchema>;

export const saveRuleSchema = ruleBodySchema.extend({ courseId: z.uuid("Choose a course.") });
export type SaveRuleValues = z.output<typeof saveRuleSchema>;
export type SaveRuleInput = z.input<typeof saveRuleSchema>;

export const courseIdSchema = z.strictObject({ courseId: z.uuid("Choose a course.") });

export const revokeReasonMessage = "Keep the reason to 500 characters.";
export const revokeBodySchema = z.strictObject({
  reason: oneLineText("Give the reason as text.").max(500, revokeReasonMessage).default("").describe("Why it is withdrawn (optional, shown on the public page)."),
});
export const revokeSchema = revokeBodySchema.extend({ certificateId: z.uuid("Choose a certificate.") });
export type RevokeInput = z.input<typeof revokeSchema>;

export const templateFieldLimits = { name: 100, title: 200, wording: 2000, signature: 200 } as const;

export const templateSchema = z.strictObject({
  name: oneLineText("Enter a name.")
    .min(1, "Enter a name for the template.")
    .max(templateFieldLimits.name, `Keep the name to ${templateFieldLimits.name} characters.`),
  title: oneLineText("Enter a title.")
    .min(1, "Enter the title printed at the top, such as “Certificate of completion”.")
    .max(templateFieldLimits.title, `Keep the title to ${templateFieldLimits.title} characters.`),
  wording: oneLineText("Enter the wording.")
    .min(1, "Enter the wording, such as “This certifies that {student} has completed {course} on {date}.”")
    .max(templateFieldLimits.wording, `Keep the wording to ${templateFieldLimits.wording} characters.`)
    .superRefine((value, context) => {
      const problem = wordingProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  signatureName: oneLineText("Enter a name.").max(templateFieldLimits.signature, `Keep the name to ${templateFieldLimits.signature} characters.`),
  signatureTitle: oneLineText("Enter a title.").max(templateFieldLimits.signature, `Keep the title to ${templateFieldLimits.signature} characters.`),
});
export type TemplateValues = z.output<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;

export const updateTemplateSchema = templateSchema.extend({ templateId: z.uuid("Choose a template.") });
export const templateIdSchema = z.strictObject({ templateId: z.uuid("Choose a template.") });

export const issueForStudentSchema = z.strictObject({ courseId: z.uuid("Choose a course."), userId: z.uuid("Choose a student.") });
