import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import type { WorkerJob } from "@/lib/worker/job";
import { startRunner, type WorkerRunner } from "@/lib/worker/runner";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quietLogger = { debug: vi.fn(), info: vi.fn(), error: vi.fn() };
const noDb = () => ({}) as Database;

let runner: WorkerRunner | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  vi.clearAllMocks();
});

describe("the worker runner", () => {
  it("never runs one job twice at once, however often it is woken", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const slow: WorkerJob = {
      name: "slow",
      everyMs: 5,
      async run() {
        running++;
        most = Math.max(most, running);
        runs++;
        await sleep(30);
        running--;
        return 0;
      },
    };
    runner = startRunner(noDb, [slow], { logger: quietLogger });
    for (let i = 0; i < 20; i++) {
      runner.wake("slow");
      await sleep(3);
    }
    await sleep(100);
    expect(most).toBe(1);
    expect(runs).toBeGreaterThan(1);
  });

  it("a wake during a run brings one more run straight after it", async () => {
    const started: number[] = [];
    const job: WorkerJob = {
      name: "events",
      everyMs: 60_000,
      async run() {
        started.push(Date.now());
        await sleep(20);
        return 1;
      },
    };
    runner = startRunner(noDb, [job], { logger: quietLogger });
    await sleep(5);
    runner.wake("events");
    runner.wake("events");
    await sleep(80);
    // The first round at start, and exactly one more for the wakes during it; the next waits a minute.
    expect(started).toHaveLength(2);
    expect(quietLogger.info).toHaveBeenCalledWith(expect.objectContaining({ job: "events", handled: 1 }), "job run");
  });

  it("logs a throwing job and runs it again next round, while the other jobs go on", async () => {
    let failures = 0;
    let fine = 0;
    const failing: WorkerJob = {
      name: "failing",
      everyMs: 5,
      async run() {
        failures++;
        throw new Error("database away");
      },
    };
    const healthy: WorkerJob = { name: "healthy", everyMs: 5, run: async () => (fine++, 0) };
    runner = startRunner(noDb, [failing, healthy], { logger: quietLogger });
    await sleep(80);
    expect(failures).toBeGreaterThan(2);
    expect(fine).toBeGreaterThan(2);
    expect(quietLogger.error).toHaveBeenCalledWith(
      expect.objectContaining({ job: "failing", err: expect.any(Error) }),
      "job run failed; trying again next round",
    );
  });

  it("stops scheduling and waits for the run in progress", async () => {
    let finished = false;
    let runs = 0;
    const job: WorkerJob = {
      name: "long",
      everyMs: 1,
      async run() {
        runs++;
        await sleep(40);
        finished = true;
        return 0;
      },
    };
    runner = startRunner(noDb, [job], { logger: quietLogger });
    await sleep(10);
    await runner.stop();
    expect(finished).toBe(true);
    const after = runs;
    runner.wake("long");
    await sleep(30);
    expect(runs).toBe(after);
  });
});
