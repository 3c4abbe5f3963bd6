import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";
import type { LessonContentType } from "@/db/schema/enums";
import { isAllowedVideoUrl } from "@/lib/content/video-embed";

// Shared by the structure editor's forms (react-hook-form resolver) and the
// server actions, so the browser and the server refuse the same input.

export const lessonContentTypes = ["text", "video", "file", "url"] as const satisfies readonly LessonContentType[];

export const lessonContentTypeLabels: Record<LessonContentType, string> = {
  text: "Text",
  video: "Video",
  file: "Document",
  url: "Link",
};

const courseId = z.uuid("Choose a course.");
const moduleId = z.uuid("Choose a module.");
const lessonId = z.uuid("Choose a lesson.");
const title = oneLineText().min(1, "Enter a title.").max(200, "A title has at most 200 characters.");
// Empty text from a form is "no value".
const optionalText = (max: number, message: string) =>
  oneLineText()
    .max(max, message)
    .nullish()
    .transform((value) => value || null);

export const moduleSchema = z.object({
  title,
  description: multiLineText().trim().max(2000, "A description has at most 2000 characters.").default(""),
});

export const addModuleSchema = moduleSchema.extend({ courseId });
export const editModuleSchema = moduleSchema.extend({ courseId, moduleId });
export const deleteModuleSchema = z.object({ courseId, moduleId });

const lessonShape = {
  title,
  contentType: z.enum(lessonContentTypes, "Choose the kind of lesson."),
  body: multiLineText().max(50_000, "The text has at most 50,000 characters.").default(""),
  externalUrl: optionalText(2000, "A link has at most 2000 characters."),
  fileId: z
    .string()
    .max(100, "Upload the file again.")
    .trim()
    .nullish()
    .transform((value) => value || null)
    .pipe(z.uuid("Upload the file again.").nullable()),
  durationMinutes: z
    .number("Enter the duration in whole minutes.")
    .int("Enter the duration in whole minutes.")
    .min(0, "The duration cannot be negative.")
    .max(1440, "A lesson lasts at most 1440 minutes (a day).")
    .nullish()
    .transform((value) => value ?? null),
};

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

type LessonContent = { contentType: LessonContentType; body: string; externalUrl: string | null; fileId: string | null };

/** What each kind of lesson needs; fields another kind would use are ignored (see lessonColumns). */
function checkLessonContent(value: LessonContent, context: z.RefinementCtx) {
  const issue = (path: keyof LessonContent, message: string) => context.addIssue({ code: "custom", path: [path], message });
  switch (value.contentType) {
    case "text":
      if (!value.body.trim()) issue("body", "Write the lesson's text.");
      break;
    case "video":
      // An uploaded video needs no link; without one, only an embeddable link will do.
      if (value.fileId) break;
      if (!value.externalUrl) issue("externalUrl", "Paste a YouTube or Vimeo link, or upload a video file.");
      else if (!isAllowedVideoUrl(value.externalUrl)) issue("externalUrl", "Only YouTube and Vimeo links can be embedded.");
      break;
    case "file":
      if (!value.fileId) issue("fileId", "Upload the document for this lesson.");
      break;
    case "url":
      if (!value.externalUrl) issue("externalUrl", "Enter the address of the resource.");
      else if (!isWebUrl(value.externalUrl)) issue("externalUrl", "Enter a web address starting with https:// or http://.");
      break;
  }
}

export const lessonSchema = z.object(lessonShape).superRefine(checkLessonContent);
export const addLessonSchema = z.object({ courseId, moduleId, ...lessonShape }).superRefine(checkLessonContent);
export const editLessonSchema = z.object({ courseId, lessonId, ...lessonShape }).superRefine(checkLessonContent);
export const deleteLessonSchema = z.object({ courseId, lessonId });

const orderedIds = (message: string) =>
  z
    .array(z.uuid(message))
    .max(1000, "Too many items.")
    .refine((ids) => new Set(ids).size === ids.length, "An item appears twice in the new order.");

export const reorderModulesSchema = z.object({ courseId, moduleIds: orderedIds("Choose a module.") });
export const reorderLessonsSchema = z.object({ courseId, moduleId, lessonIds: orderedIds("Choose a lesson.") });

export const moveLessonSchema = z.object({
  courseId,
  lessonId,
  toModuleId: moduleId,
  /** Where the lesson lands in the target module; past the end means last. */
  toIndex: z.number().int().min(0).max(1000).default(1000),
});

export const shiftDirections = ["up", "down"] as const;
export const shiftModuleSchema = z.object({ courseId, moduleId, direction: z.enum(shiftDirections) });
export const shiftLessonSchema = z.object({ courseId, lessonId, direction: z.enum(shiftDirections) });

export const previewMarkdownSchema = z.object({ source: lessonShape.body });

export type ModuleInput = z.input<typeof moduleSchema>;
export type LessonInput = z.input<typeof lessonSchema>;
export type LessonValues = z.output<typeof lessonSchema>;
export type ShiftDirection = (typeof shiftDirections)[number];
