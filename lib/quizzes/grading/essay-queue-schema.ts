import { z } from "zod";
import { choiceParam, parseUrlParams, pageNumberParam, uuidParam } from "@/lib/url-params";

// The grading page shows hand-ins or quiz essays (`view`); the essays list
// reads its own course filter and page from the same URL, so a view can be
// bookmarked. Anything unreadable falls back to the default instead of failing.
export const gradingViews = ["hand_ins", "quiz_essays"] as const;
export type GradingView = (typeof gradingViews)[number];

export const essayQueueParamsSchema = z.object({
  view: choiceParam(gradingViews, "hand_ins"),
  course: uuidParam(),
  section: uuidParam(),
  page: pageNumberParam(10_000),
});
export type EssayQueueParams = z.output<typeof essayQueueParamsSchema>;

/** Parses the grading page's view and the essays list's parameters; never throws. */
export const parseEssayQueueParams = (raw: unknown): EssayQueueParams => parseUrlParams(essayQueueParamsSchema, raw);

export const essayQueuePageSize = 25;
