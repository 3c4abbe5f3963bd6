import type { EventHandlers } from "@/lib/events/process-events";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { signalNotifications } from "@/lib/notifications/realtime/signal";
import type { WorkerJob } from "./job";

/** How often pending events are looked for when no NOTIFY woke the worker first. */
export const eventPollMs = 2_000;

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
 * update at once.
 */
export const notificationEventsJob: WorkerJob = {
  name: "notification-events",
  everyMs: eventPollMs,
  async run(db) {
    const delivered = new Set<number>();
    const processed = await processPendingEvents(db, noteDeliveries(notificationHandlers, delivered));
    if (delivered.size > 0) await signalNotifications(db, { events: [...delivered] });
    return processed;
  },
};
