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

export const postAnnouncementSchema = announcementFieldsSchema.extend({ courseId: z.uuid("This course does not exist.") });
export const editAnnouncementSchema = announcementFieldsSchema.extend({ announcementId: z.uuid("This announcement does not exist.") });
export const announcementIdSchema = z.object({ announcementId: z.uuid("This announcement does not exist.") });

export const announcementPageSize = 10;
