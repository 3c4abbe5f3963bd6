import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";

// Shared by the cohort forms, their server actions and the REST API.

export const cohortNameSchema = oneLineText("Enter a name.")
  .min(1, "Enter a name, like “Class 10, 2026”.")
  .max(200, "A cohort's name has at most 200 characters.");

export const cohortDescriptionSchema = multiLineText("Enter a description.")
  .max(1000, "A description has at most 1,000 characters.")
  .transform((value) => value.trim());

export const cohortFieldsSchema = z.object({
  name: cohortNameSchema,
  description: cohortDescriptionSchema.optional().default(""),
});

export const createCohortSchema = cohortFieldsSchema;

export const updateCohortSchema = cohortFieldsSchema.extend({ cohortId: z.uuid("Choose a cohort.") });

export const deleteCohortSchema = z.object({
  cohortId: z.uuid("Choose a cohort."),
  /** The admin types the cohort's name; the server compares it. */
  confirmName: oneLineText().min(1, "Type the cohort's name to confirm.").max(200, "That is not the cohort's name."),
});

export const maxMembersPerRequest = 5000;

export const addMembersSchema = z.object({
  cohortId: z.uuid("Choose a cohort."),
  userIds: z
    .array(z.uuid("Choose existing users."), "Choose existing users.")
    .min(1, "Choose at least one person.")
    .max(maxMembersPerRequest, `At most ${maxMembersPerRequest} people at once.`),
});

/** The most bytes of a pasted or uploaded list of emails. */
export const maxEmailListChars = 200_000;

export const addMembersByEmailSchema = z.object({
  cohortId: z.uuid("Choose a cohort."),
  emails: z.string("Paste or upload a list of emails.").min(1, "Paste or upload a list of emails.").max(maxEmailListChars, "That list is too long: at most 200,000 characters."),
});

export const removeMemberSchema = z.object({
  cohortId: z.uuid("Choose a cohort."),
  userId: z.uuid("Choose a member."),
});

// The form's select sends "" for "no section".
const optionalId = z
  .union([z.uuid("Choose a section of this course."), z.literal("")])
  .nullish()
  .transform((value) => value || null);

export const linkCourseSchema = z.object({
  cohortId: z.uuid("Choose a cohort."),
  courseId: z.uuid("Choose a course."),
  sectionId: optionalId,
});

export const unlinkCourseSchema = z.object({
  cohortId: z.uuid("Choose a cohort."),
  courseId: z.uuid("Choose a course."),
});

export type CreateCohortInput = z.input<typeof createCohortSchema>;
export type LinkCourseInput = z.input<typeof linkCourseSchema>;
