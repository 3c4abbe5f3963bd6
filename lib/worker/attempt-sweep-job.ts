import { closeExpiredAttempts } from "@/lib/quizzes/taking/close-expired-attempts";
import type { WorkerJob } from "./job";

/**
 * Submits quiz attempts left open past their deadline (the student closed the
 * tab), so results, grades and progress do not wait for the student to come
 * back. The attempt pages also close their own attempt on sight; this is for
 * the ones nobody looks at. Safe in several processes: the UPDATE only takes
 * attempts still in progress.
 */
export const attemptSweepJob: WorkerJob = {
  name: "quiz-attempt-sweep",
  cron: "* * * * *",
  run: async (db, now) => (await closeExpiredAttempts(db, { now })).length,
};
