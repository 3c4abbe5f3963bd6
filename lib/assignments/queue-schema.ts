import { z } from "zod";
import { choiceParam, cleanText, firstParam, pageNumberParam, parseUrlParams, uuidParam } from "@/lib/url-params";

// The grading queue's filters, read from the URL so a view can be bookmarked
// and shared; anything unreadable falls back to the default instead of failing.
export const queueStatuses = ["needs_grading", "draft", "released", "returned", "late", "all"] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export const queueParamsSchema = z.object({
  course: uuidParam(),
  assignment: uuidParam(),
  // A section of one of the actor's courses; another course's section reads as an empty queue.
  section: uuidParam(),
  status: choiceParam(queueStatuses, "needs_grading"),
  q: z.preprocess(firstParam, cleanText(100)),
  sort: choiceParam(["oldest", "newest"], "oldest"),
  page: pageNumberParam(10_000),
});
export type QueueParams = z.output<typeof queueParamsSchema>;

/** Parses the grading queue's URL search parameters; never throws. */
export const parseQueueParams = (raw: unknown): QueueParams => parseUrlParams(queueParamsSchema, raw);

export const queuePageSize = 25;
