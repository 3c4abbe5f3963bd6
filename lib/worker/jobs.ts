import { apiHousekeepingJob } from "./api-housekeeping-job";
import { sessionHousekeepingJob } from "./session-housekeeping-job";
import { attemptSweepJob } from "./attempt-sweep-job";
import { emailJobs } from "./email-jobs";
import type { WorkerJob } from "./job";
import { dueSoonJob } from "./due-soon-job";
import { notificationEventsJob } from "./notification-events-job";

/** Every recurring job the worker runs; a new kind of work is one more entry here. */
export const workerJobs: WorkerJob[] = [notificationEventsJob, dueSoonJob, attemptSweepJob, apiHousekeepingJob, sessionHousekeepingJob, ...emailJobs];
