import { sendDigests } from "@/lib/email/send-digests";
import { sendPendingEmails } from "@/lib/email/send-pending";
import { configuredTransport } from "@/lib/email/transport";
import type { WorkerJob } from "./job";
import { emailSendQueue } from "./queue-names";

// Email leaves the site here, never in a request: queued single emails when
// a job wakes the queue (and every minute, for the ones waiting out a retry
// delay), and the daily digests (checked every five minutes; see
// lib/email/send-digests.ts for the once-a-day rule).
export const emailJobs: WorkerJob[] = [
  { name: emailSendQueue, cron: "* * * * *", run: (db, now) => sendPendingEmails(db, now, configuredTransport()) },
  { name: "email.digest", cron: "*/5 * * * *", run: (db, now) => sendDigests(db, now, configuredTransport()) },
];
