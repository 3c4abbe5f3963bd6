import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";
import { latePenaltyType } from "@/db/schema/enums";
import type { LatePenaltyType } from "@/db/schema/enums";
import { submissionFileTypeKeys } from "../file-types";

// Shared by the assignment form (react-hook-form resolver) and its server
// actions: the browser and the server refuse the same input with the same
// message next to the same field.

export const latePenaltyTypes = latePenaltyType.enumValues;
export const latePenaltyLabels: Record<LatePenaltyType, string> = {
  none: "No penalty",
  percent_per_day: "Percent off per day late",
  flat: "Percent off once",
};

export const assignmentLimits = { points: 1000, files: 20, fileSizeMb: 500 } as const;

const emptyToNull = (value: unknown) =>
  value === "" || value === null || value === undefined || (typeof value === "number" && Number.isNaN(value)) ? null : value;

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess((value) => (emptyToNull(value) === null ? undefined : Number(value)), z.number(message).int(message).min(min, message).max(max, message));

const dueAt = z.preprocess(
  (value) => {
    const empty = emptyToNull(value);
    if (empty === null) return null;
    return empty instanceof Date ? empty : new Date(String(empty));
  },
  z.date("Enter a valid date and time.").nullable(),
);

export const assignmentFieldsSchema = z.object({
  type: z.enum(["assignment", "project"], "Choose assignment or project."),
  title: oneLineText().min(1, "Enter a title.").max(200, "A title has at most 200 characters."),
  instructions: multiLineText().trim().max(20_000, "Instructions have at most 20,000 characters.").default(""),
  dueAt,
  maxPoints: wholeNumber(1, assignmentLimits.points, `Enter the points as a whole number from 1 to ${assignmentLimits.points}.`),
  textEntry: z.boolean().default(false),
  allowedFileTypes: z.array(z.enum(submissionFileTypeKeys as [string, ...string[]], "Choose a listed file type.")).max(100, "Choose a listed file type.").default([]),
  maxFiles: wholeNumber(0, assignmentLimits.files, `Enter from 0 to ${assignmentLimits.files} files.`),
  maxFileSizeMb: wholeNumber(1, assignmentLimits.fileSizeMb, `Enter a size from 1 to ${assignmentLimits.fileSizeMb} MB.`),
  acceptLate: z.boolean().default(false),
  latePenaltyType: z.enum(latePenaltyTypes, "Choose how late work is marked down.").default("none"),
  latePenaltyPercent: z.preprocess(
    (value) => (emptyToNull(value) === null ? 0 : Number(value)),
    z.number("Enter a percent from 0 to 100.").min(0, "Enter a percent from 0 to 100.").max(100, "Enter a percent from 0 to 100."),
  ),
});

type Fields = z.output<typeof assignmentFieldsSchema>;

/** The rules between fields, each reported next to the field to change. */
function checkFields(fields: Fields, context: z.RefinementCtx, now: Date) {
  if (!fields.textEntry && fields.maxFiles === 0) {
    context.addIssue({ code: "custom", path: ["maxFiles"], message: "Allow at least one file, or text entry, so students can hand something in." });
  }
  if (fields.maxFiles > 0 && fields.allowedFileTypes.length === 0) {
    context.addIssue({ code: "custom", path: ["allowedFileTypes"], message: "Choose at least one file type students may hand in." });
  }
  if (fields.dueAt && fields.dueAt.getTime() <= now.getTime()) {
    context.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must be in the future." });
  }
  if (fields.acceptLate && fields.latePenaltyType !== "none" && fields.latePenaltyPercent <= 0) {
    context.addIssue({ code: "custom", path: ["latePenaltyPercent"], message: "Enter the percent taken off, or choose no penalty." });
  }
}

/** The form's schema; `now` is injectable for tests. */
export const assignmentFormSchema = (now: () => Date = () => new Date()) =>
  assignmentFieldsSchema.superRefine((fields, context) => checkFields(fields, context, now()));

export const createAssignmentSchema = z
  .object({ courseId: z.uuid("Choose a course."), moduleId: z.uuid("Choose a module.") })
  .extend(assignmentFieldsSchema.shape)
  .superRefine((fields, context) => checkFields(fields, context, new Date()));

export const updateAssignmentSchema = z
  .object({ courseId: z.uuid("Choose a course."), taskId: z.uuid("Choose an assignment.") })
  .extend(assignmentFieldsSchema.shape)
  // An unchanged past due date may stay (the assignment is running late work); the work checks that.
  .superRefine((fields, context) => checkFields({ ...fields, dueAt: null }, context, new Date()));

export const assignmentTaskSchema = z.object({ courseId: z.uuid("Choose a course."), taskId: z.uuid("Choose an assignment.") });
export const publishAssignmentSchema = assignmentTaskSchema.extend({ publish: z.boolean() });
export const moveAssignmentSchema = assignmentTaskSchema.extend({ toModuleId: z.uuid("Choose a module.") });

export type AssignmentFormInput = z.input<typeof assignmentFieldsSchema>;
