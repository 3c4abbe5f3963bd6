import type { EventHandlers } from "@/lib/events/process-events";
import { processPendingEvents } from "@/lib/events/process-events";
import { withCertificateHandlers } from "@/lib/certificates/event-handlers";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { signalNotifications } from "@/lib/notifications/realtime/signal";
import { enqueueJob } from "./enqueue";
import type { WorkerJob } from "./job";
import { emailSendQueue, notificationEventsQueue } from "./queue-names";

/** The same handlers, noting which events they delivered. */
export function noteDeliveries(handlers: EventHandlers, delivered: Set<number>): EventHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([type, list]) => [
      type,
      list!.map((handle) => async (...args: Parameters<typeof handle>) => {
        await handle(...args);
        delivered.add(args[0].id);
      }),
    ]),
  );
}

/**
 * Turns pending domain events into notifications (FOR UPDATE SKIP LOCKED, so
 * several workers share the work; failures are retried by processPendingEvents),
 * then tells listening web servers which events were delivered, so badges
 * update at once, and wakes the email queue for the emails just queued.
 * Every publish() queues a job; the minute's cron run is the safety net.
 */
export const notificationEventsJob: WorkerJob = {
  name: notificationEventsQueue,
  cron: "* * * * *",
  async run(db) {
    const delivered = new Set<number>();
    const processed = await processPendingEvents(db, noteDeliveries(withCertificateHandlers(notificationHandlers), delivered));
    if (delivered.size > 0) {
      await signalNotifications(db, { events: [...delivered] });
      await enqueueJob(db, emailSendQueue);
    }
    return processed;
  },
};
