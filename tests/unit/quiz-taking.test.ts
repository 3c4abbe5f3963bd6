import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveQueue, autosaveDelayMs, type SaveStatus } from "@/components/quiz-taking/autosave-queue";
import { formatRemaining } from "@/components/quiz-taking/countdown";
import { renderInlineMarkdown } from "@/lib/content/markdown";
import type { ActionResult } from "@/lib/actions/result";
import { applyOrder, buildAttemptOrder, shuffled } from "@/lib/quizzes/taking/attempt-order";
import { attemptDeadline, attemptsLeft, isPastDeadline } from "@/lib/quizzes/taking/deadline";
import { attemptClosedMessage, timeUpMessage } from "@/lib/quizzes/taking/messages";
import { reviewAccess } from "@/lib/quizzes/taking/review-access";

const at = (iso: string) => new Date(iso);

describe("attempt deadline", () => {
  const start = at("2030-01-01T10:00:00Z");
  it("is start + the time limit, capped at the due date, or null without either", () => {
    expect(attemptDeadline(start, 30, null)).toEqual(at("2030-01-01T10:30:00Z"));
    expect(attemptDeadline(start, 30, at("2030-01-01T10:10:00Z"))).toEqual(at("2030-01-01T10:10:00Z"));
    expect(attemptDeadline(start, 30, at("2030-01-02T00:00:00Z"))).toEqual(at("2030-01-01T10:30:00Z"));
    expect(attemptDeadline(start, null, at("2030-01-02T00:00:00Z"))).toEqual(at("2030-01-02T00:00:00Z"));
    expect(attemptDeadline(start, null, null)).toBeNull();
  });
  it("counts the deadline's own millisecond as too late", () => {
    const deadline = at("2030-01-01T10:30:00Z");
    expect(isPastDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(false);
    expect(isPastDeadline(deadline, deadline)).toBe(true);
    expect(isPastDeadline(deadline, new Date(deadline.getTime() + 1000))).toBe(true);
    expect(isPastDeadline(null, at("2100-01-01T00:00:00Z"))).toBe(false);
  });
  it("attempts left never go below zero; null means unlimited", () => {
    expect(attemptsLeft(2, 0)).toBe(2);
    expect(attemptsLeft(2, 2)).toBe(0);
    expect(attemptsLeft(2, 5)).toBe(0);
    expect(attemptsLeft(null, 40)).toBeNull();
  });
});

describe("reviewAccess", () => {
  const now = at("2030-01-10T00:00:00Z");
  it("never shows anything for an open attempt", () => {
    for (const policy of ["never", "after_submit", "after_due"] as const) {
      expect(reviewAccess(policy, { attemptClosed: false, dueAt: at("2020-01-01T00:00:00Z"), now }).allowed).toBe(false);
    }
  });
  it("never: only the score", () => {
    expect(reviewAccess("never", { attemptClosed: true, dueAt: at("2020-01-01T00:00:00Z"), now })).toEqual({
      allowed: false,
      notice: "Your teacher shows only the score for this quiz.",
    });
  });
  it("after_submit: as soon as the attempt is closed", () => {
    expect(reviewAccess("after_submit", { attemptClosed: true, dueAt: null, now }).allowed).toBe(true);
  });
  it("after_due: from the due date on, never without one", () => {
    const due = at("2030-01-10T00:00:00Z");
    expect(reviewAccess("after_due", { attemptClosed: true, dueAt: due, now: new Date(due.getTime() - 1) }).allowed).toBe(false);
    expect(reviewAccess("after_due", { attemptClosed: true, dueAt: due, now: due }).allowed).toBe(true);
    expect(reviewAccess("after_due", { attemptClosed: true, dueAt: null, now }).allowed).toBe(false);
  });
});

describe("attempt order", () => {
  const questions = [
    { id: "q1", choiceIds: ["a", "b", "c"] },
    { id: "q2", choiceIds: [] },
    { id: "q3", choiceIds: ["d", "e"] },
  ];
  it("keeps position order when nothing is shuffled", () => {
    expect(buildAttemptOrder(questions, { shuffleQuestions: false, shuffleChoices: false })).toEqual({
      questionOrder: ["q1", "q2", "q3"],
      choiceOrder: {},
    });
  });
  it("shuffles questions and each question's choices with the given random source", () => {
    const order = buildAttemptOrder(questions, { shuffleQuestions: true, shuffleChoices: true }, () => 0);
    expect(order.questionOrder).toEqual(["q2", "q3", "q1"]);
    expect(order.choiceOrder).toEqual({ q1: ["b", "c", "a"], q3: ["e", "d"] });
  });
  it("a shuffle is a permutation", () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    expect(shuffled(items).sort((a, b) => a - b)).toEqual(items);
  });
  it("applies a stored order: questions added since go last, deleted ones vanish", () => {
    const items = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "new" }];
    expect(applyOrder(items, ["c", "gone", "a", "b"]).map((item) => item.id)).toEqual(["c", "a", "b", "new"]);
    expect(applyOrder(items, undefined)).toBe(items);
  });
});

describe("formatRemaining", () => {
  it("shows minutes and seconds, hours when needed, never below zero", () => {
    expect(formatRemaining(600_000)).toBe("10:00");
    expect(formatRemaining(59_001)).toBe("1:00");
    expect(formatRemaining(5_000)).toBe("0:05");
    expect(formatRemaining(3_723_000)).toBe("1:02:03");
    expect(formatRemaining(-10)).toBe("0:00");
  });
});

describe("renderInlineMarkdown", () => {
  it("renders code and emphasis without block elements, and drops scripts", () => {
    expect(renderInlineMarkdown("`2x + 1 = 5` and *this*")).toBe("<code>2x + 1 = 5</code> and <em>this</em>");
    expect(renderInlineMarkdown("# Title\n\n<p>x</p><script>alert(1)</script>")).not.toMatch(/<h1|<p|<script/);
  });
});

describe("AutosaveQueue", () => {
  const ok: ActionResult<unknown> = { ok: true, data: {} };
  let statuses: Record<string, SaveStatus>;
  let refused: (string | null)[];
  const events = {
    status: (questionId: string, status: SaveStatus) => {
      statuses[questionId] = status;
    },
    refused: (message: string | null) => {
      refused.push(message);
    },
  };

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = {};
    refused = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves the latest value once, within 2 seconds of the last change", async () => {
    const save = vi.fn(async () => ok);
    const queue = new AutosaveQueue(save, events);
    queue.change("q1", { text: "1" });
    queue.change("q1", { text: "12" });
    expect(statuses.q1).toBe("pending");
    expect(autosaveDelayMs).toBeLessThanOrEqual(2000);
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ questionId: "q1", response: { text: "12" } });
    expect(statuses.q1).toBe("saved");
    expect(queue.hasUnsaved()).toBe(false);
  });

  it("saves at once on leaving the field", async () => {
    const save = vi.fn(async () => ok);
    const queue = new AutosaveQueue(save, events);
    queue.change("q1", { choiceIds: ["a"] });
    await queue.flush("q1");
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("retries a failed save with growing waits until it goes through", async () => {
    const save = vi
      .fn<() => Promise<ActionResult<unknown>>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce({ ok: false, error: "Something went wrong on our side (reference 1). Please try again.", fieldErrors: {} })
      .mockResolvedValue(ok);
    const queue = new AutosaveQueue(save, events);
    queue.change("q1", { text: "x" });
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(statuses.q1).toBe("retrying");
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(statuses.q1).toBe("retrying");
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(statuses.q1).toBe("saved");
  });

  it("a change made while a save runs is saved after it", async () => {
    let release: (value: ActionResult<unknown>) => void = () => {};
    const save = vi
      .fn<() => Promise<ActionResult<unknown>>>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockResolvedValue(ok);
    const queue = new AutosaveQueue(save, events);
    queue.change("q1", { text: "a" });
    const first = queue.flush("q1");
    queue.change("q1", { text: "ab" });
    release(ok);
    await first;
    expect(statuses.q1).not.toBe("saved");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(save).toHaveBeenLastCalledWith({ questionId: "q1", response: { text: "ab" } });
    expect(statuses.q1).toBe("saved");
  });

  it("stops on a refusal that means the attempt is over", async () => {
    for (const message of [timeUpMessage, attemptClosedMessage]) {
      const save = vi.fn(async (): Promise<ActionResult<unknown>> => ({ ok: false, error: message, fieldErrors: {} }));
      const queue = new AutosaveQueue(save, events);
      const over = vi.fn();
      queue.onOver(over);
      queue.change("q1", { text: "late" });
      await queue.flush("q1");
      expect(over).toHaveBeenCalledWith(message);
      expect(statuses.q1).toBe("refused");
      queue.change("q2", { text: "more" });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).toHaveBeenCalledTimes(1);
    }
  });

  it("does not retry an answer the server refused as invalid", async () => {
    const save = vi.fn(async (): Promise<ActionResult<unknown>> => ({ ok: false, error: "Choose only one answer.", fieldErrors: { response: ["Choose only one answer."] } }));
    const queue = new AutosaveQueue(save, events);
    queue.change("q1", { choiceIds: ["a", "b"] });
    await queue.flush("q1");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.q1).toBe("refused");
    expect(refused).toEqual(["Choose only one answer."]);
  });
});
