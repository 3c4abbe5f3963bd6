import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { quizAttempts } from "@/db/schema";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { startAttemptSweep, stopAttemptSweep, sweepIntervalMs } from "@/lib/quizzes/taking/sweep";
import { register } from "@/instrumentation";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

afterEach(() => {
  stopAttemptSweep();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const statusOf = async (attemptId: string) =>
  (await testDb().select({ status: quizAttempts.status }).from(quizAttempts).where(and(eq(quizAttempts.id, attemptId))))[0]?.status;

describe("the minute sweep", () => {
  it("submits attempts past their deadline at its next tick, and starts only once per process", async () => {
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const quiz = await createQuiz(course.id, null, { timeLimitMinutes: 5 });
    const student = await createActor();
    await insertEnrollment(student.id, course.id);
    // Started 20 minutes ago by the real clock: 15 minutes overdue now.
    const { attemptId } = await testDb().transaction((tx) =>
      startAttempt(tx, student, quiz.taskId, { now: new Date(Date.now() - 20 * 60_000) }),
    );

    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const getDb = vi.fn(() => testDb());
    expect(startAttemptSweep(getDb)).toBe(true);
    expect(startAttemptSweep(getDb)).toBe(false);
    // Setting up opens no database; the first tick does.
    expect(getDb).not.toHaveBeenCalled();
    expect(await statusOf(attemptId)).toBe("in_progress");

    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await vi.advanceTimersByTimeAsync(sweepIntervalMs);
    await vi.waitFor(async () => expect(await statusOf(attemptId)).toBe("submitted"), { timeout: 10_000 });
    expect(getDb).toHaveBeenCalledTimes(1);
    info.mockRestore();
  });

  it("instrumentation starts it in the Node.js server only: not in the edge runtime, not during next build", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    vi.stubEnv("NEXT_RUNTIME", "edge");
    await register();
    expect(vi.getTimerCount()).toBe(0);
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    await register();
    expect(vi.getTimerCount()).toBe(0);
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    await register();
    expect(vi.getTimerCount()).toBe(1);
    await register();
    expect(vi.getTimerCount()).toBe(1);
  });
});
