import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";

// Shared by the discussion forms and their server actions.

const id = (what: string) => z.uuid({ error: `Choose a valid ${what}.` });

export const threadTitle = oneLineText()
  .min(1, { error: "Give the thread a title." })
  .max(200, { error: "Keep the title under 200 characters." });

export const postBody = multiLineText()
  .trim()
  .min(1, { error: "Write something first." })
  .max(20_000, { error: "Keep the post under 20,000 characters." });

/** The lesson select sends "" for "no lesson". */
const optionalLessonId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id("lesson").optional());

/** The section select sends "" for "the whole course". */
const optionalSectionId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id("section").optional());

export const startThreadSchema = z.object({
  courseId: id("course"),
  lessonId: optionalLessonId,
  sectionId: optionalSectionId,
  title: threadTitle,
  body: postBody,
});
export type StartThreadInput = z.input<typeof startThreadSchema>;

export const replySchema = z.object({ threadId: id("thread"), body: postBody });
export type ReplyInput = z.input<typeof replySchema>;

export const editPostSchema = z.object({ postId: id("post"), body: postBody });
export type EditPostInput = z.input<typeof editPostSchema>;

export const postRefSchema = z.object({ postId: id("post") });
export const threadRefSchema = z.object({ threadId: id("thread") });

export const setPinnedSchema = z.object({ threadId: id("thread"), pinned: z.boolean() });
export const setLockedSchema = z.object({ threadId: id("thread"), locked: z.boolean() });
export const setFollowingSchema = z.object({ threadId: id("thread"), following: z.boolean() });
