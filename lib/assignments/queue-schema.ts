import { z } from "zod";

// The grading queue's filters, read from the URL so a view can be bookmarked
// and shared; anything unreadable falls back to the default instead of failing.
export const queueStatuses = ["needs_grading", "draft", "released", "returned", "late", "all"] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export const queueParamsSchema = z.object({
  course: z.uuid().optional().catch(undefined),
  assignment: z.uuid().optional().catch(undefined),
  status: z.enum(queueStatuses).catch("needs_grading").default("needs_grading"),
  q: z.string().trim().max(100).catch("").default(""),
  sort: z.enum(["oldest", "newest"]).catch("oldest").default("oldest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type QueueParams = z.output<typeof queueParamsSchema>;

export const queuePageSize = 25;
