import cronParser from "cron-parser";
import { describe, expect, it } from "vitest";
import { deadLetterOf, jobQueues } from "@/db/job-queue";
import { jobConcurrency } from "@/lib/worker/concurrency";
import { workerJobs } from "@/lib/worker/jobs";
import { courseTransfersQueue, emailSendQueue, notificationEventsQueue } from "@/lib/worker/queue-names";

describe("job queues", () => {
  it("gives every queue exactly one job, with a valid cron schedule, and every job a queue", () => {
    expect(workerJobs.map((job) => job.name).sort()).toEqual(jobQueues.map((queue) => queue.name).sort());
    for (const job of workerJobs) expect(() => cronParser.parseExpression(job.cron, { tz: "UTC" }), job.name).not.toThrow();
  });

  it("keeps the periodic queues stately (never two runs at once) and the woken ones free of insert locks", () => {
    for (const queue of jobQueues) {
      const woken = [notificationEventsQueue, emailSendQueue, courseTransfersQueue].includes(queue.name);
      expect(queue.policy, queue.name).toBe(woken ? "standard" : "stately");
      expect(queue.retryLimit).toBeGreaterThan(0);
      expect(deadLetterOf(queue.name)).toBe(`${queue.name}.dead`);
    }
  });
});

describe("JOB_CONCURRENCY", () => {
  it("runs every queue one at a time by default", () => {
    const concurrency = jobConcurrency({});
    expect([...concurrency.values()].every((n) => n === 1)).toBe(true);
    expect(concurrency.size).toBe(jobQueues.length);
  });

  it("reads queue=n pairs", () => {
    const concurrency = jobConcurrency({ JOB_CONCURRENCY: " email.send=4, notification-events = 2 " });
    expect(concurrency.get("email.send")).toBe(4);
    expect(concurrency.get("notification-events")).toBe(2);
    expect(concurrency.get("email.digest")).toBe(1);
  });

  it.each(["email.send", "email.send=0", "email.send=1.5", "email.send=51", "nope=2", "email.send=2=3", "email.send=two"])(
    "refuses %s with a message naming the queues",
    (value) => {
      expect(() => jobConcurrency({ JOB_CONCURRENCY: value })).toThrow(/JOB_CONCURRENCY: .*queues: notification-events/);
    },
  );
});
