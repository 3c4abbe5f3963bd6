import { performance } from "node:perf_hooks";
import type { Database } from "@/db";
import { logger as processLogger } from "@/lib/logging/logger.mjs";
import { appMetrics } from "@/lib/metrics/registry.mjs";
import type { WorkerJob } from "./job";

export interface WorkerRunner {
  /** Runs the named job as soon as it is free instead of at its next interval. */
  wake(name: string): void;
  /** Stops scheduling and waits for the runs in progress to finish. */
  stop(): Promise<void>;
}

/** pino's shape: the fields first, then the message. */
interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Where a run's duration and outcome are counted (the process's metrics unless a test says otherwise). */
type JobRunRecorder = (job: string, seconds: number, failed: boolean) => void;

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
 * Every run is one log line (at debug when it found nothing to do, so an idle
 * site's log stays quiet at the default level) and is counted in the metrics.
 */
export function startRunner(
  getDb: () => Database,
  jobs: WorkerJob[],
  {
    logger = processLogger(),
    now = () => new Date(),
    recordRun = (job, seconds, failed) => appMetrics().jobRan(job, seconds, failed),
  }: { logger?: Logger; now?: () => Date; recordRun?: JobRunRecorder } = {},
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
      const started = performance.now();
      const job = state.job.name;
      const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
      try {
        const handled = await state.job.run(getDb(), now());
        recordRun(job, (performance.now() - started) / 1000, false);
        logger[handled > 0 ? "info" : "debug"]({ job, handled, durationMs: durationMs() }, "job run");
      } catch (error) {
        recordRun(job, (performance.now() - started) / 1000, true);
        logger.error({ job, durationMs: durationMs(), err: error }, "job run failed; trying again next round");
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
