import { z } from "zod";

// The Retry button of the admin's outbox page and its server action.
export const retryJobSchema = z.strictObject({
  queue: z.string().trim().min(1).max(200),
  id: z.uuid("Not a job id."),
});
