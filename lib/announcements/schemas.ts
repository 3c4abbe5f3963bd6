import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";

// Shared by the announcement form (react-hook-form resolver) and its server
// actions: the browser and the server refuse the same input with the same
// message next to the same field.

export const announcementLimits = { title: 200, body: 20_000 } as const;

export const announcementFieldsSchema = z.object({
  title: oneLineText("Enter a title.")
    .min(1, "Enter a title.")
    .max(announcementLimits.title, `A title has at most ${announcementLimits.title} characters.`),
  // Markdown keeps its leading indentation (a code block may open it), so only emptiness is judged on the trimmed text.
  body: multiLineText("Write the announcement.")
    .max(announcementLimits.body, `An announcement has at most ${announcementLimits.body.toLocaleString("en")} characters.`)
    .refine((body) => body.trim().length > 0, "Write the announcement."),
});
export type AnnouncementInput = z.input<typeof announcementFieldsSchema>;
export type AnnouncementValues = z.output<typeof announcementFieldsSchema>;

export const chooseSectionMessage = "Choose at least one section.";

/** A form's checkboxes send nothing, one value or several; the API a list. */
const sectionIdList = z.preprocess(
  (value) => (value === undefined || value === null || value === false ? [] : typeof value === "string" ? [value] : value),
  z.array(z.uuid("Choose sections of this course."), "Choose sections of this course.").max(100, "Choose at most 100 sections."),
);

/**
 * Who an announcement goes to: the whole course, or only the members of the
 * chosen sections (at least one). Fixed when it is posted: the students were
 * told then.
 */
export const audienceShape = {
  audience: z.enum(["course", "sections"], "Choose who the announcement is for.").default("course"),
  sectionIds: sectionIdList.default([]),
};

export const postAnnouncementSchema = announcementFieldsSchema
  .extend({ courseId: z.uuid("This course does not exist."), ...audienceShape })
  .superRefine((value, context) => {
    if (value.audience === "sections" && value.sectionIds.length === 0) {
      context.addIssue({ code: "custom", path: ["sectionIds"], message: chooseSectionMessage });
    }
  });
/** The compose form: the fields and the audience, without the course (the page knows it). */
export const composeAnnouncementSchema = announcementFieldsSchema.extend(audienceShape).superRefine((value, context) => {
  if (value.audience === "sections" && value.sectionIds.length === 0) {
    context.addIssue({ code: "custom", path: ["sectionIds"], message: chooseSectionMessage });
  }
});
export type ComposeAnnouncementInput = z.input<typeof composeAnnouncementSchema>;
export type ComposeAnnouncementValues = z.output<typeof composeAnnouncementSchema>;
export const editAnnouncementSchema = announcementFieldsSchema.extend({ announcementId: z.uuid("This announcement does not exist.") });
export const announcementIdSchema = z.object({ announcementId: z.uuid("This announcement does not exist.") });

export const announcementPageSize = 10;
