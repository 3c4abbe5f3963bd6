import type { Database } from "@/db";
import type { WorkerJob } from "./job";

export interface WorkerRunner {
  /** Runs the named job as soon as it is free instead of at its next interval. */
  wake(name: string): void;
  /** Stops scheduling and waits for the runs in progress to finish. */
  stop(): Promise<void>;
}

interface Logger {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

interface JobState {
  job: WorkerJob;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  /** A wake arrived during a run: go again straight after it. */
  again: boolean;
}

/**
 * Runs each job on its own interval, counted from the end of its previous run,
 * so one job never overlaps itself (a wake during a run queues one more run).
 * A job that throws is logged and tried again next round; the others go on.
 */
export function startRunner(
  getDb: () => Database,
  jobs: WorkerJob[],
  { logger = console as Logger, now = () => new Date() }: { logger?: Logger; now?: () => Date } = {},
): WorkerRunner {
  let stopped = false;
  const states = new Map<string, JobState>(jobs.map((job) => [job.name, { job, timer: null, running: null, again: false }]));

  const schedule = (state: JobState, delay: number) => {
    if (stopped) return;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => run(state), delay);
    // Never keeps a process alive on its own (tests, scripts); `npm run worker` waits on its own promise.
    state.timer.unref?.();
  };

  const run = (state: JobState) => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    if (stopped) return;
    if (state.running) {
      state.again = true;
      return;
    }
    state.again = false;
    state.running = (async () => {
      try {
        const handled = await state.job.run(getDb(), now());
        if (handled > 0) logger.info(`[worker] ${state.job.name}: ${handled} handled`);
      } catch (error) {
        logger.error(`[worker] ${state.job.name} failed; trying again next round`, error);
      } finally {
        state.running = null;
        schedule(state, state.again ? 0 : state.job.everyMs);
      }
    })();
  };

  // First rounds start at once, so work left from before a restart is picked up.
  for (const state of states.values()) schedule(state, 0);

  return {
    wake(name) {
      const state = states.get(name);
      if (state && !stopped) run(state);
    },
    async stop() {
      stopped = true;
      for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
      await Promise.all([...states.values()].map((state) => state.running));
    },
  };
}
