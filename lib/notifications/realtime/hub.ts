import "server-only";
import { getDatabaseHandle, type DatabaseHandle } from "@/db";
import { logger } from "@/lib/logging/logger.mjs";
import { onShutdown } from "@/lib/server/shutdown-hooks.mjs";
import { listen } from "./listen";
import { decodeSignal, notificationsChannel, type NotificationSignal } from "./signal";
import { unreadCountsFor } from "./unread-counts";

/** What a connected browser is told: its unread count, and whether something new arrived. */
export interface UnreadUpdate {
  unread: number;
  fresh: boolean;
}

interface Stream {
  userId: string;
  last: number;
  send(update: UnreadUpdate): void;
  /** Ends the stream because the user opened too many (the oldest goes first). */
  evict(): void;
  /** Ends the stream because this server is shutting down: the browser reconnects after `retryMs`. */
  close(retryMs: number): void;
}

/**
 * How long a browser waits before reconnecting after a shutdown: a second or
 * a few, spread out so a load balancer's other servers are not hit all at once.
 */
export function shutdownRetryMs(random = Math.random): number {
  return 1_000 + Math.floor(random() * 4_000);
}

/**
 * How many streams one user may hold open in this process: a few tabs and
 * devices. One user opening a hundred (a script, a runaway tab) would
 * otherwise hold a hundred responses, timers and buffers for minutes.
 */
export function streamsPerUser(): number {
  const configured = Number(process.env.NOTIFICATION_STREAMS_PER_USER);
  return Number.isInteger(configured) && configured >= 1 ? configured : 3;
}

/** Folds the signals that arrived while a read was running into one. */
export function mergeSignals(signals: NotificationSignal[]): NotificationSignal | null {
  if (signals.length === 0) return null;
  if (signals.some((signal) => "all" in signal)) return { all: true };
  if (signals.every((signal) => "users" in signal)) return { users: [...new Set(signals.flatMap((signal) => signal.users))] };
  if (signals.every((signal) => "events" in signal)) return { events: [...new Set(signals.flatMap((signal) => signal.events))] };
  return { all: true };
}

/**
 * One per server process: a single LISTEN on the notifications channel,
 * fanned out to the event streams of the users connected here. Each signal
 * (or burst of them) costs one query over the connected users it concerns.
 */
export class NotificationHub {
  /** In the order they were opened: a Set iterates in insertion order, so the first of a user's is its oldest. */
  private readonly streams = new Set<Stream>();
  private listening: Promise<unknown> | null = null;
  private pending: NotificationSignal[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly handle: () => DatabaseHandle) {}

  /**
   * Registers a stream; returns the function that removes it. When the user
   * then holds more than `streamsPerUser()` streams, the oldest are evicted
   * (removed here, and told through `evict` to end).
   */
  subscribe(
    userId: string,
    unread: number,
    send: (update: UnreadUpdate) => void,
    evict: () => void = () => {},
    close: (retryMs: number) => void = () => {},
  ): () => void {
    this.ensureListening();
    const stream: Stream = { userId, last: unread, send, evict, close };
    this.streams.add(stream);
    const own = [...this.streams].filter((candidate) => candidate.userId === userId);
    for (const oldest of own.slice(0, Math.max(0, own.length - streamsPerUser()))) {
      this.streams.delete(oldest);
      oldest.evict();
    }
    return () => void this.streams.delete(stream);
  }

  /** How many streams are registered, for one user or in all (for tests and leak checks). */
  streamCount(userId?: string): number {
    return userId === undefined ? this.streams.size : [...this.streams].filter((stream) => stream.userId === userId).length;
  }

  /** Ends every stream with a reconnect hint (server shutdown); returns how many were open. */
  closeAll(retryMs: () => number = shutdownRetryMs): number {
    const open = [...this.streams];
    this.streams.clear();
    for (const stream of open) stream.close(retryMs());
    return open.length;
  }

  /** Resolves once the LISTEN is in place (for tests and start-up checks). */
  async ready(): Promise<void> {
    this.ensureListening();
    await this.listening;
  }

  /** Handles one NOTIFY payload (public so tests can drive it without a database signal). */
  receive(payload: string): Promise<void> {
    this.pending.push(decodeSignal(payload));
    this.flushing ??= this.flush();
    return this.flushing;
  }

  private ensureListening() {
    this.listening ??= listen(this.handle(), notificationsChannel, (payload) => void this.receive(payload)).catch((error) => {
      logger().error({ err: error }, "notifications: could not LISTEN; browsers fall back to polling");
      // The next stream to connect tries again.
      this.listening = null;
    });
  }

  // Runs until no signal is pending; `flushing` is cleared in the same tick the
  // loop sees an empty queue, so a signal arriving later starts a new run.
  private async flush() {
    for (;;) {
      const signal = mergeSignals(this.pending.splice(0));
      if (!signal) {
        this.flushing = null;
        return;
      }
      const connected = [...new Set([...this.streams].map((stream) => stream.userId))];
      const concerned = "users" in signal ? connected.filter((id) => signal.users.includes(id)) : connected;
      try {
        const counts = await unreadCountsFor(this.handle().db, concerned, signal);
        for (const stream of this.streams) {
          const unread = counts.get(stream.userId);
          if (unread === undefined) continue;
          const fresh = "events" in signal || unread > stream.last;
          if (!fresh && unread === stream.last) continue;
          stream.last = unread;
          stream.send({ unread, fresh });
        }
      } catch (error) {
        logger().error({ err: error }, "notifications: could not read unread counts");
      }
    }
  }
}

const hubStore = globalThis as unknown as { __jeeviNotificationHub?: NotificationHub };

/**
 * The process's hub, shared by every copy of this module the bundler makes.
 * When the server shuts down, its streams end with a hint to reconnect soon.
 */
export function notificationHub(): NotificationHub {
  if (!hubStore.__jeeviNotificationHub) {
    const hub = new NotificationHub(getDatabaseHandle);
    hubStore.__jeeviNotificationHub = hub;
    onShutdown("notification streams", "drain", () => {
      const closed = hub.closeAll();
      logger().info({ streams: closed }, "shutdown: notification streams told to reconnect");
    });
  }
  return hubStore.__jeeviNotificationHub;
}

/** Open streams in this process, without creating the hub (for the metrics). */
export function streamCountOfProcess(): number {
  return hubStore.__jeeviNotificationHub?.streamCount() ?? 0;
}
