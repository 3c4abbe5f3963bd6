import { deleteOldSessions } from "@/lib/sessions/store";
import type { WorkerJob } from "./job";

/**
 * Deletes session rows that ended or expired over a day ago. Such a row is
 * refused on every request anyway; this only keeps the table small.
 */
export const sessionHousekeepingJob: WorkerJob = {
  name: "session-housekeeping",
  cron: "17 * * * *",
  run: (db, now) => deleteOldSessions(db, now),
};
