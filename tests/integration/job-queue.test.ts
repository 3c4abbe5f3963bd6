import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDatabaseHandle } from "@/db";
import { deadLetterOf } from "@/db/job-queue";
import { auditLog, emailDeliveries } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { rowsOf } from "@/lib/db/rows";
import { queueAccountMail } from "@/lib/email/account-mail";
import { claimLeaseMs, interruptedMessage, sendPendingEmails } from "@/lib/email/send-pending";
import type { MailTransport } from "@/lib/email/transport";
import { publish } from "@/lib/events/publish";
import { retryJobAction } from "@/lib/worker/actions/retry-job-action";
import { apiHousekeepingJob } from "@/lib/worker/api-housekeeping-job";
import { createBoss } from "@/lib/worker/boss";
import { emailJobs } from "@/lib/worker/email-jobs";
import type { WorkerJob } from "@/lib/worker/job";
import { listProblemJobs, listQueueSummaries } from "@/lib/worker/job-queries";
import { notificationEventsJob } from "@/lib/worker/notification-events-job";
import { runQueueOnce } from "@/lib/worker/run-job";
import { outbox, recordingTransport } from "./email-fixtures";
import { testDb } from "./helpers";
import { createActor, createCourse } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.9" }) }));

// pg-boss over the test's own database, without its timers: each test takes
// a queue's jobs by hand (runQueueOnce), so nothing waits for a poll.
let boss: PgBoss;
beforeAll(async () => {
  boss = createBoss(getDatabaseHandle, { maintain: false });
  await boss.start();
});
afterAll(() => boss.stop({ graceful: false }));

const jobsOf = async (queue: string) =>
  rowsOf<{ id: string; state: string; retry_count: number; start_after: string; error: string | null; ahead: number | string }>(
    await testDb().execute(sql`
      SELECT id::text AS id, state::text AS state, retry_count, start_after::text AS start_after, coalesce(output->>'message', output #>> '{value,message}') AS error,
        extract(epoch FROM start_after - now()) AS ahead
      FROM pgboss.job WHERE name = ${queue} ORDER BY created_on, id`),
  );

const clear = async (...queues: string[]) => {
  for (const queue of queues) await testDb().execute(sql`DELETE FROM pgboss.job WHERE name IN (${queue}, ${deadLetterOf(queue)})`);
};

const failing = (message: string): WorkerJob => ({
  name: apiHousekeepingJob.name,
  cron: apiHousekeepingJob.cron,
  run: async () => {
    throw new Error(message);
  },
});

beforeEach(() => vi.mocked(getCurrentUser).mockReset());

describe("retries, backoff and the dead-letter queue", () => {
  it("retries a failing job with growing waits, then dead-letters it where the outbox shows it, and Retry runs it again", async () => {
    await clear(apiHousekeepingJob.name);
    const admin = await createActor("admin");
    await boss.send(apiHousekeepingJob.name, {});
    const broken = failing("SMTP server said no (test)");

    // First failure: back to the queue, 30 to 60 s ahead (retryDelay 30 s × 2^1 / 2, plus jitter).
    expect(await runQueueOnce(boss, broken, testDb())).toBe(1);
    let [job] = await jobsOf(apiHousekeepingJob.name);
    expect(job).toMatchObject({ state: "retry", error: "SMTP server said no (test)" });
    expect(Number(job!.ahead)).toBeGreaterThan(25);
    expect(Number(job!.ahead)).toBeLessThanOrEqual(60);
    // Not due yet: a normal poll takes nothing.
    expect(await runQueueOnce(boss, broken, testDb())).toBe(0);

    // Second failure: the wait doubles (60 to 120 s).
    expect(await runQueueOnce(boss, broken, testDb(), { ignoreStartAfter: true })).toBe(1);
    [job] = await jobsOf(apiHousekeepingJob.name);
    expect(job).toMatchObject({ state: "retry", retry_count: 1 });
    expect(Number(job!.ahead)).toBeGreaterThan(55);
    expect(Number(job!.ahead)).toBeLessThanOrEqual(120);

    // Third and fourth: retryLimit 3 is spent, the job fails for good and a copy is dead-lettered.
    expect(await runQueueOnce(boss, broken, testDb(), { ignoreStartAfter: true })).toBe(1);
    expect(await runQueueOnce(boss, broken, testDb(), { ignoreStartAfter: true })).toBe(1);
    expect(await runQueueOnce(boss, broken, testDb(), { ignoreStartAfter: true })).toBe(0);
    [job] = await jobsOf(apiHousekeepingJob.name);
    expect(job).toMatchObject({ state: "failed", retry_count: 3 });
    const [dead] = await jobsOf(deadLetterOf(apiHousekeepingJob.name));
    expect(dead).toMatchObject({ state: "created", error: "SMTP server said no (test)" });

    const summaries = await listQueueSummaries(testDb(), admin);
    expect(summaries!.find((q) => q.name === apiHousekeepingJob.name)).toMatchObject({ queued: 0, active: 0, failed: 1, deadLettered: 1 });
    const problems = await listProblemJobs(testDb(), admin);
    expect(problems).toEqual([
      expect.objectContaining({
        id: dead!.id,
        queue: deadLetterOf(apiHousekeepingJob.name),
        origin: apiHousekeepingJob.name,
        state: "dead-lettered",
        tries: 4,
        error: "SMTP server said no (test)",
      }),
    ]);
    // Not an admin's page for anyone else.
    expect(await listQueueSummaries(testDb(), await createActor("teacher"))).toBeNull();
    expect(await listProblemJobs(testDb(), await createActor("student"))).toBeNull();

    // Retry is admin-only, refuses bad input with a 4xx-style result, and is audited.
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("teacher"));
    expect(await retryJobAction({ queue: deadLetterOf(apiHousekeepingJob.name), id: dead!.id })).toMatchObject({ ok: false });
    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    expect(await retryJobAction({ queue: "x", id: "not-a-uuid\u0000" })).toMatchObject({ ok: false, fieldErrors: { id: expect.any(Array) } });
    expect(await retryJobAction({ queue: deadLetterOf(apiHousekeepingJob.name), id: dead!.id })).toEqual({
      ok: true,
      data: { retried: true, queue: apiHousekeepingJob.name },
    });
    expect(await jobsOf(deadLetterOf(apiHousekeepingJob.name))).toEqual([]);
    [job] = await jobsOf(apiHousekeepingJob.name);
    expect(job).toMatchObject({ id: job!.id, state: "retry" });
    const [entry] = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "job.retried"), eq(auditLog.entityId, dead!.id)));
    expect(entry).toMatchObject({ actorId: admin.id, entityType: "job", ip: "203.0.113.9" });
    expect(entry!.before).toMatchObject({ state: "dead-lettered", error: "SMTP server said no (test)" });
    // Twice is refused: the job is no longer dead-lettered.
    expect(await retryJobAction({ queue: deadLetterOf(apiHousekeepingJob.name), id: dead!.id })).toMatchObject({ ok: false });

    // The real job now runs and completes.
    expect(await runQueueOnce(boss, apiHousekeepingJob, testDb())).toBe(1);
    [job] = await jobsOf(apiHousekeepingJob.name);
    expect(job!.state).toBe("completed");
    expect((await listQueueSummaries(testDb(), admin))!.find((q) => q.name === apiHousekeepingJob.name)).toMatchObject({
      failed: 0,
      deadLettered: 0,
    });
  });

  it("a Retry whose failed original has been archived queues a fresh job", async () => {
    await clear(apiHousekeepingJob.name);
    const admin = await createActor("admin");
    await boss.send(apiHousekeepingJob.name, {});
    for (let run = 0; run < 4; run++) await runQueueOnce(boss, failing("down"), testDb(), { ignoreStartAfter: true });
    const [dead] = await jobsOf(deadLetterOf(apiHousekeepingJob.name));
    await testDb().execute(sql`DELETE FROM pgboss.job WHERE name = ${apiHousekeepingJob.name}`);
    vi.mocked(getCurrentUser).mockResolvedValue(admin);
    expect(await retryJobAction({ queue: deadLetterOf(apiHousekeepingJob.name), id: dead!.id })).toMatchObject({ ok: true });
    expect((await jobsOf(apiHousekeepingJob.name)).map((job) => job.state)).toEqual(["created"]);
  });
});

describe("periodic jobs never overlap", () => {
  it("keeps one run of a periodic queue at a time across callers, and one job waiting however many ticks arrive", async () => {
    const queue = "session-housekeeping";
    await clear(queue);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    let most = 0;
    const slow: WorkerJob = {
      name: queue,
      cron: "* * * * *",
      run: async () => {
        running++;
        most = Math.max(most, running);
        await gate;
        running--;
        return 0;
      },
    };
    expect(await boss.send(queue, {})).toEqual(expect.any(String));
    // A second tick while one waits is folded into it (stately: one waiting, one running).
    expect(await boss.send(queue, {})).toBeNull();

    const first = runQueueOnce(boss, slow, testDb());
    while (running === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // During the run: the next tick waits, and a second worker takes nothing.
    expect(await boss.send(queue, {})).toEqual(expect.any(String));
    expect(await boss.send(queue, {})).toBeNull();
    expect(await runQueueOnce(boss, slow, testDb())).toBe(0);
    release();
    expect(await first).toBe(1);
    // Then the waiting one runs.
    expect(await runQueueOnce(boss, slow, testDb())).toBe(1);
    expect(most).toBe(1);
    expect((await jobsOf(queue)).map((job) => job.state)).toEqual(["completed", "completed"]);
  });
});

describe("jobs queued by the code that made the work", () => {
  it("publishing events queues jobs that one run handles as a batch", async () => {
    await clear(notificationEventsJob.name);
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    for (let i = 0; i < 3; i++) {
      await testDb().transaction((tx) =>
        publish(tx, { type: "course.published", aggregateId: course.id, payload: { courseId: course.id, teacherId: teacher.id } }),
      );
    }
    expect((await jobsOf(notificationEventsJob.name)).map((job) => job.state)).toEqual(["created", "created", "created"]);
    expect(await runQueueOnce(boss, notificationEventsJob, testDb())).toBe(3);
    expect((await jobsOf(notificationEventsJob.name)).map((job) => job.state)).toEqual(["completed", "completed", "completed"]);
  });
});

describe("pg-boss's own upkeep on this database", () => {
  it("expires a run stuck past its expiry back to retry, and archives finished jobs, in its locked transactions", async () => {
    const queue = "quiz-attempt-sweep";
    await clear(queue);
    await boss.send(queue, {});
    const [taken] = await boss.fetch(queue);
    // The worker running it died: the run is older than the queue's 15-minute expiry.
    await testDb().execute(sql`UPDATE pgboss.job SET started_on = now() - interval '16 minutes' WHERE id = ${taken!.id}::uuid`);
    await testDb().execute(sql`UPDATE pgboss.job SET state = 'completed', completed_on = now() - interval '2 days' WHERE name = 'session-housekeeping'`);
    await boss.maintain();
    expect(await jobsOf(queue)).toEqual([expect.objectContaining({ state: "retry", error: "job failed by timeout in active state" })]);
    expect(await jobsOf("session-housekeeping")).toEqual([]);
  });
});

describe("idempotent email", () => {
  const sendJob = emailJobs.find((job) => job.name === "email.send")!;
  const emlFiles = () => fs.readdirSync(outbox).filter((name) => name.endsWith(".eml"));

  it("a queued email wakes the send queue, and running the send job twice writes one email", async () => {
    await clear(sendJob.name);
    const user = await createActor("student");
    const before = emlFiles().length;
    await testDb().transaction((tx) =>
      queueAccountMail(tx, user.id, { type: "account.password_reset", title: "Reset your password", message: "Use the link.", link: "/set-password/x" }),
    );
    expect((await jobsOf(sendJob.name)).map((job) => job.state)).toEqual(["created"]);
    expect(await runQueueOnce(boss, sendJob, testDb())).toBe(1);
    // A repeated job (a retry, a second worker, the minute's cron) finds nothing left to send.
    await boss.send(sendJob.name, {});
    expect(await runQueueOnce(boss, sendJob, testDb())).toBe(1);
    expect(emlFiles().length - before).toBe(1);
    const [row] = await testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, user.id));
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a retry after a crash between sending and recording it never sends the email again", async () => {
    const user = await createActor("student");
    await testDb().transaction((tx) =>
      queueAccountMail(tx, user.id, { type: "account.invitation", title: "You are invited", message: "Welcome.", link: "/set-password/y" }),
    );
    const handedOver: string[] = [];
    // The first worker hands the message over and then dies: its promise never settles, nothing is recorded.
    const dying: MailTransport = {
      kind: "smtp",
      send: (message) => {
        handedOver.push(String(message.to));
        return new Promise(() => {});
      },
    };
    const now = new Date();
    void sendPendingEmails(testDb(), now, dying);
    while (handedOver.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let [row] = await testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, user.id));
    expect(row).toMatchObject({ status: "sending", attempts: 1 });

    const { transport, sent } = recordingTransport();
    // The retried job at once: the email is claimed, so nothing is sent.
    expect(await sendPendingEmails(testDb(), new Date(now.getTime() + 1000), transport)).toBe(0);
    // After the lease: closed as interrupted, for the admin to see; still not sent again.
    expect(await sendPendingEmails(testDb(), new Date(now.getTime() + claimLeaseMs + 1000), transport)).toBe(0);
    expect(sent.filter((mail) => String(mail.to).includes(user.email))).toEqual([]);
    expect(handedOver).toHaveLength(1);
    [row] = await testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, user.id));
    expect(row).toMatchObject({ status: "failed", lastError: interruptedMessage, attempts: 1 });
  });
});
