import type { StoredResponse } from "@/db/schema/quizzes";
import type { ActionResult } from "@/lib/actions/result";
import { isAttemptOverMessage } from "@/lib/quizzes/taking/messages";

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "retrying" | "refused";

/** Saved within this long after the last change (the issue asks for 2 seconds at most). */
export const autosaveDelayMs = 1200;
export const firstRetryMs = 1000;
export const maxRetryMs = 30_000;

export type SaveAnswer = (input: { questionId: string; response: StoredResponse }) => Promise<ActionResult<unknown>>;

export interface AutosaveEvents {
  status: (questionId: string, status: SaveStatus) => void;
  /** The answer itself was refused (bad input): retrying would not help. */
  refused: (message: string | null) => void;
}

interface Entry {
  value: StoredResponse;
  /** Bumped on every change; a save is current only if nothing changed while it ran. */
  version: number;
  savedVersion: number;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: Promise<void> | null;
  retryMs: number;
}

/**
 * Per-question autosave, outside React so it can be tested with fake timers:
 * a change is saved after a short pause, leaving the field saves at once, a
 * failed save is retried with growing waits (1 s, 2 s, 4 s… up to 30 s) until
 * it goes through. A refusal meaning the attempt is over stops everything.
 */
export class AutosaveQueue {
  private readonly entries = new Map<string, Entry>();
  private stopped = false;
  private overHandler: (message: string) => void = () => {};

  constructor(
    private readonly save: SaveAnswer,
    private readonly events: AutosaveEvents,
  ) {}

  /** Called once when the attempt is over (time up, submitted elsewhere): nothing more will be saved. */
  onOver(handler: (message: string) => void): void {
    this.overHandler = handler;
  }

  /** A change: saved after a pause of `autosaveDelayMs`. */
  change(questionId: string, value: StoredResponse): void {
    if (this.stopped) return;
    const entry = this.entries.get(questionId) ?? { value, version: 0, savedVersion: 0, timer: null, inFlight: null, retryMs: firstRetryMs };
    entry.value = value;
    entry.version++;
    entry.retryMs = firstRetryMs;
    this.entries.set(questionId, entry);
    this.schedule(questionId, entry, autosaveDelayMs);
    this.events.status(questionId, "pending");
  }

  /** Saves a question's unsaved change now (leaving its field). */
  flush(questionId: string): Promise<void> {
    const entry = this.entries.get(questionId);
    if (!entry || this.stopped) return Promise.resolve();
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    if (entry.inFlight) return entry.inFlight.then(() => this.flush(questionId));
    if (entry.savedVersion === entry.version) return Promise.resolve();
    return this.send(questionId, entry);
  }

  /** Every unsaved change, now; resolves when each has been tried once. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((questionId) => this.flush(questionId)));
  }

  hasUnsaved(): boolean {
    return [...this.entries.values()].some((entry) => entry.savedVersion !== entry.version);
  }

  /** Stops every timer; nothing more is sent. */
  stop(): void {
    this.stopped = true;
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
  }

  private schedule(questionId: string, entry: Entry, delay: number) {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.flush(questionId), delay);
  }

  private send(questionId: string, entry: Entry): Promise<void> {
    const version = entry.version;
    this.events.status(questionId, entry.retryMs > firstRetryMs ? "retrying" : "saving");
    entry.inFlight = (async () => {
      let result: ActionResult<unknown> | null;
      try {
        result = await this.save({ questionId, response: entry.value });
      } catch {
        result = null; // The network or the server failed: retried below.
      }
      entry.inFlight = null;
      if (this.stopped) return;
      if (result?.ok) {
        entry.savedVersion = Math.max(entry.savedVersion, version);
        entry.retryMs = firstRetryMs;
        this.events.refused(null);
        if (entry.savedVersion === entry.version) this.events.status(questionId, "saved");
        else this.schedule(questionId, entry, 0);
        return;
      }
      if (result && isAttemptOverMessage(result.error)) {
        this.stop();
        this.events.status(questionId, "refused");
        this.overHandler(result.error);
        return;
      }
      if (result && Object.keys(result.fieldErrors).length > 0) {
        this.events.status(questionId, "refused");
        this.events.refused(result.error);
        return;
      }
      this.events.status(questionId, "retrying");
      const wait = entry.retryMs;
      entry.retryMs = Math.min(entry.retryMs * 2, maxRetryMs);
      this.schedule(questionId, entry, wait);
    })();
    return entry.inFlight;
  }
}
