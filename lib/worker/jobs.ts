import { apiHousekeepingJob } from "./api-housekeeping-job";
import { attemptSweepJob } from "./attempt-sweep-job";
import { courseTransferJob } from "./course-transfer-job";
import { dueSoonJob } from "./due-soon-job";
import { emailJobs } from "./email-jobs";
import type { WorkerJob } from "./job";
import { notificationEventsJob } from "./notification-events-job";
import { progressRefreshJob } from "./progress-refresh-job";
import { sessionHousekeepingJob } from "./session-housekeeping-job";

/** Every job the worker runs, one per queue of db/job-queue.ts; a new kind of work is one more entry in both. */
export const workerJobs: WorkerJob[] = [notificationEventsJob, dueSoonJob, attemptSweepJob, apiHousekeepingJob, sessionHousekeepingJob, courseTransferJob, progressRefreshJob, ...emailJobs];
