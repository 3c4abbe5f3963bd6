import { deleteOldIdempotencyKeys } from "@/lib/api/idempotency";
import { deleteEndedWindows } from "@/lib/security/rate-counter";
import type { WorkerJob } from "./job";

/**
 * Clears spent bookkeeping: rate-counter windows that have ended (every
 * throttle and rate limit: sign-in, enrolment keys, account links, the API,
 * costly actions) and Idempotency-Keys past their 24 hours. Neither is needed
 * for correctness (an ended window is restarted by the next hit, an old key is
 * forgotten before reuse); this keeps the tables small.
 */
export const apiHousekeepingJob: WorkerJob = {
  name: "api-housekeeping",
  cron: "*/10 * * * *",
  run: async (db, now) => {
    const windows = await deleteEndedWindows(db, now);
    return windows + (await deleteOldIdempotencyKeys(db, now));
  },
};
