import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

// Sections of a course: shared by the teacher's forms, the server actions and
// the REST bodies, so all three refuse the same input with the same message
// next to the same field. Only zod here: the forms load these in the browser.

export const sectionLimits = {
  name: 100,
  description: 500,
  prefix: 80,
  minGroups: 2,
  maxGroups: 50,
  /** Students added in one request (the page adds a page of candidates at a time). */
  membersPerRequest: 500,
  /** A roster CSV: at most this many bytes (well under the server action's body limit) and data rows. */
  csvBytes: 256 * 1024,
  csvRows: 5000,
} as const;

export const sectionMessages = {
  name: `Enter a section name of 1 to ${sectionLimits.name} characters.`,
  description: `Keep the description to ${sectionLimits.description} characters.`,
  nameTaken: "This course already has a section of that name (names ignore case).",
  count: `Enter a number of groups from ${sectionLimits.minGroups} to ${sectionLimits.maxGroups}.`,
  prefix: `Enter a name prefix of 1 to ${sectionLimits.prefix} characters, such as "Group".`,
  mode: "Choose whom to split.",
  userIds: "Choose at least one student.",
  tooManyUsers: `Add at most ${sectionLimits.membersPerRequest} students at a time.`,
  csv: "Choose a CSV file with a header row.",
  csvSize: `The file may be at most ${sectionLimits.csvBytes / 1024} KB.`,
} as const;

export const sectionNameField = oneLineText(sectionMessages.name).min(1, sectionMessages.name).max(sectionLimits.name, sectionMessages.name);
const descriptionField = oneLineText(sectionMessages.description).max(sectionLimits.description, sectionMessages.description);

export const sectionFieldsShape = {
  name: sectionNameField.describe(`The section's name, unique in its course whatever the case (1-${sectionLimits.name} characters).`),
  description: descriptionField.default("").describe(`Optional, up to ${sectionLimits.description} characters.`),
};

const courseId = z.uuid("Choose a course.");
const sectionId = z.uuid("Choose a section.");
const userId = z.uuid("Choose a person.");

export const splitModes = ["unassigned", "everyone"] as const;
export type SplitMode = (typeof splitModes)[number];

const countField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? Number.NaN : Number(value.trim())) : value),
  z
    .number(sectionMessages.count)
    .int(sectionMessages.count)
    .min(sectionLimits.minGroups, sectionMessages.count)
    .max(sectionLimits.maxGroups, sectionMessages.count),
);

export const splitFieldsShape = {
  count: countField.describe(`How many groups (${sectionLimits.minGroups}-${sectionLimits.maxGroups}).`),
  prefix: oneLineText(sectionMessages.prefix)
    .min(1, sectionMessages.prefix)
    .max(sectionLimits.prefix, sectionMessages.prefix)
    .describe('The groups are named "<prefix> 1", "<prefix> 2", …; a section of that name already there is reused.'),
  mode: z
    .enum(splitModes, sectionMessages.mode)
    .describe("`unassigned`: only students in no section of the course; `everyone`: every enrolled student, after removing all of the course's memberships."),
};

const userIdsField = z
  .array(userId, sectionMessages.userIds)
  .min(1, sectionMessages.userIds)
  .max(sectionLimits.membersPerRequest, sectionMessages.tooManyUsers);

const csvField = z
  .string(sectionMessages.csv)
  .min(1, sectionMessages.csv)
  .refine((text) => new TextEncoder().encode(text).length <= sectionLimits.csvBytes, sectionMessages.csvSize);

// The server actions' inputs.
export const createSectionSchema = z.object({ courseId, ...sectionFieldsShape });
export const updateSectionSchema = z.object({ courseId, sectionId, ...sectionFieldsShape });
export const deleteSectionSchema = z.object({ courseId, sectionId });
export const addMembersSchema = z.object({ courseId, sectionId, userIds: userIdsField });
export const removeMemberSchema = z.object({ courseId, sectionId, userId });
export const sectionTeacherSchema = z.object({ courseId, sectionId, userId });
export const splitSchema = z.object({ courseId, ...splitFieldsShape });
export const rosterCsvSchema = z.object({ courseId, csv: csvField });

/** The forms: what the teacher types (the ids come from the page). */
export const sectionFormSchema = z.object(sectionFieldsShape);
export type SectionFormInput = z.input<typeof sectionFormSchema>;
export const splitFormSchema = z.object(splitFieldsShape);
export type SplitFormInput = z.input<typeof splitFormSchema>;

// The REST bodies: unknown fields are refused.
export const createSectionBody = z.strictObject(sectionFieldsShape);
export const updateSectionBody = z
  .strictObject({ name: sectionFieldsShape.name.optional(), description: descriptionField.optional().describe("Optional, up to 500 characters.") })
  .refine((value) => value.name !== undefined || value.description !== undefined, { message: "Send a name or a description to change.", path: ["name"] });
export const addMembersBody = z.strictObject({ userIds: userIdsField.describe("Students enrolled in the course (active or finished); all are added or none.") });
export const splitBody = z.strictObject(splitFieldsShape);

export type CreateSectionValues = z.output<typeof createSectionSchema>;
export type SplitValues = z.output<typeof splitSchema>;
