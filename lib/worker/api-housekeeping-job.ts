import { deleteOldIdempotencyKeys } from "@/lib/api/idempotency";
import { deleteOldRateLimitWindows } from "@/lib/api/rate-limit";
import type { WorkerJob } from "./job";

/**
 * Clears the REST API's spent bookkeeping: rate-limit windows older than an
 * hour and Idempotency-Keys past their 24 hours. Neither is needed for
 * correctness (an old window is never counted again, an old key is forgotten
 * before reuse); this keeps the tables small.
 */
export const apiHousekeepingJob: WorkerJob = {
  name: "api-housekeeping",
  everyMs: 10 * 60_000,
  run: async (db, now) => {
    const windows = await deleteOldRateLimitWindows(db, now);
    return windows + (await deleteOldIdempotencyKeys(db, now));
  },
};
