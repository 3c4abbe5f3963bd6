import { sendDigests } from "@/lib/email/send-digests";
import { sendPendingEmails } from "@/lib/email/send-pending";
import { configuredTransport } from "@/lib/email/transport";
import type { WorkerJob } from "./job";

// Email leaves the site here, never in a request: queued single emails every
// few seconds, and the daily digests (checked every few minutes; see
// lib/email/send-digests.ts for the once-a-day rule).
export const emailJobs: WorkerJob[] = [
  { name: "email.send", everyMs: 10_000, run: (db, now) => sendPendingEmails(db, now, configuredTransport()) },
  { name: "email.digest", everyMs: 5 * 60_000, run: (db, now) => sendDigests(db, now, configuredTransport()) },
];
