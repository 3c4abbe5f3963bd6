import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { quizAttempts } from "@/db/schema";
import { register } from "@/instrumentation";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { attemptSweepJob } from "@/lib/worker/attempt-sweep-job";
import { startInProcessWorker } from "@/lib/worker/in-process";
import { workerJobs } from "@/lib/worker/jobs";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

// The real worker would start timers and open the database; here only whether
// instrumentation asks for it matters.
vi.mock("@/lib/worker/in-process", () => ({ startInProcessWorker: vi.fn(() => true), stopInProcessWorker: vi.fn(async () => {}) }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.mocked(startInProcessWorker).mockClear();
});

const attemptOf = async (attemptId: string) =>
  (
    await testDb()
      .select({ status: quizAttempts.status, submittedAt: quizAttempts.submittedAt, deadlineAt: quizAttempts.deadlineAt })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, attemptId))
  )[0];

describe("the worker's attempt sweep", () => {
  it("submits attempts past their deadline as of the deadline, once, and leaves running ones alone", async () => {
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 5 });
    const late = await createActor();
    const onTime = await createActor();
    await insertEnrollment(late.id, course.id);
    await insertEnrollment(onTime.id, course.id);
    const now = new Date();
    // Started 20 minutes ago: 15 minutes overdue. The other started a minute ago.
    const overdue = await testDb().transaction((tx) => startAttempt(tx, late, quiz.taskId, { now: new Date(now.getTime() - 20 * 60_000) }));
    const running = await testDb().transaction((tx) => startAttempt(tx, onTime, quiz.taskId, { now: new Date(now.getTime() - 60_000) }));

    expect(await attemptSweepJob.run(testDb(), now)).toBe(1);
    const closed = await attemptOf(overdue.attemptId);
    expect(closed?.status).toBe("submitted");
    expect(closed?.submittedAt?.getTime()).toBe(closed?.deadlineAt?.getTime());
    expect((await attemptOf(running.attemptId))?.status).toBe("in_progress");

    // A second round (or a second worker) finds nothing more to do.
    expect(await attemptSweepJob.run(testDb(), now)).toBe(0);
  });

  it("is one of the worker's jobs and runs every minute", () => {
    expect(workerJobs).toContain(attemptSweepJob);
    expect(attemptSweepJob.cron).toBe("* * * * *");
  });

  it("instrumentation starts the worker in the Node.js server only: not in the edge runtime, not during next build", async () => {
    vi.stubEnv("NEXT_RUNTIME", "edge");
    await register();
    expect(startInProcessWorker).not.toHaveBeenCalled();
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    await register();
    expect(startInProcessWorker).not.toHaveBeenCalled();
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    await register();
    expect(startInProcessWorker).toHaveBeenCalledTimes(1);
  });
});
