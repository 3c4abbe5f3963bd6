import type { DatabaseHandle } from "@/db";
import { eventsChannel } from "@/lib/events/publish";
import { listen } from "@/lib/notifications/realtime/listen";
import type { WorkerJob } from "./job";
import { workerJobs } from "./jobs";
import { notificationEventsJob } from "./notification-events-job";
import { logger } from "@/lib/logging/logger.mjs";
import { startRunner } from "./runner";

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Starts the jobs, and wakes the event job the moment an event is published
 * (publish() NOTIFYs on commit); if LISTEN is unavailable the job still polls
 * every couple of seconds.
 */
export async function startWorker(getHandle: () => DatabaseHandle, jobs: WorkerJob[] = workerJobs): Promise<RunningWorker> {
  const runner = startRunner(() => getHandle().db, jobs);
  let unlisten: (() => Promise<void>) | null = null;
  try {
    unlisten = await listen(getHandle(), eventsChannel, () => runner.wake(notificationEventsJob.name));
  } catch (error) {
    logger().error({ err: error }, "worker: could not LISTEN for new events; polling only");
  }
  return {
    async stop() {
      await unlisten?.().catch(() => {});
      await runner.stop();
    },
  };
}
