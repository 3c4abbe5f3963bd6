import { describe, expect, it } from "vitest";
import { applyLatePenalty, latePenaltyPercent, lateness, submissionWindow, type LatePolicy } from "@/lib/assignments/lateness";

const due = new Date("2026-12-10T17:00:00Z");
const at = (offsetMs: number) => new Date(due.getTime() + offsetMs);
const minute = 60_000;
const day = 24 * 60 * minute;

describe("lateness", () => {
  it("is on time before and at the due instant", () => {
    expect(lateness(due, at(-day))).toEqual({ isLate: false, daysLate: 0 });
    expect(lateness(due, at(0))).toEqual({ isLate: false, daysLate: 0 });
  });

  it("counts every started day after the due date", () => {
    expect(lateness(due, at(1))).toEqual({ isLate: true, daysLate: 1 });
    expect(lateness(due, at(minute))).toEqual({ isLate: true, daysLate: 1 });
    expect(lateness(due, at(day))).toEqual({ isLate: true, daysLate: 1 });
    expect(lateness(due, at(day + 1))).toEqual({ isLate: true, daysLate: 2 });
    expect(lateness(due, at(10 * day))).toEqual({ isLate: true, daysLate: 10 });
  });

  it("is never late without a due date", () => {
    expect(lateness(null, at(100 * day))).toEqual({ isLate: false, daysLate: 0 });
  });
});

describe("submissionWindow", () => {
  const policy = (acceptLate: boolean, dueAt: Date | null = due): LatePolicy => ({
    dueAt,
    acceptLate,
    latePenaltyType: "none",
    latePenaltyPercent: 0,
  });

  it("is open until the due instant", () => {
    expect(submissionWindow(policy(false), at(0))).toBe("open");
    expect(submissionWindow(policy(true), at(-minute))).toBe("open");
  });

  it("takes late work only when the assignment accepts it", () => {
    expect(submissionWindow(policy(true), at(1))).toBe("late");
    expect(submissionWindow(policy(false), at(1))).toBe("closed");
  });

  it("is always open without a due date", () => {
    expect(submissionWindow(policy(false, null), at(365 * day))).toBe("open");
  });
});

describe("latePenaltyPercent", () => {
  const onTime = { isLate: false, daysLate: 0 };
  const late = (daysLate: number) => ({ isLate: true, daysLate });

  it("takes nothing from work on time, whatever the penalty", () => {
    expect(latePenaltyPercent({ latePenaltyType: "flat", latePenaltyPercent: 50 }, onTime)).toBe(0);
    expect(latePenaltyPercent({ latePenaltyType: "percent_per_day", latePenaltyPercent: 10 }, onTime)).toBe(0);
  });

  it("takes nothing with no penalty", () => {
    expect(latePenaltyPercent({ latePenaltyType: "none", latePenaltyPercent: 30 }, late(3))).toBe(0);
  });

  it("takes a flat penalty once, however late", () => {
    expect(latePenaltyPercent({ latePenaltyType: "flat", latePenaltyPercent: 20 }, late(1))).toBe(20);
    expect(latePenaltyPercent({ latePenaltyType: "flat", latePenaltyPercent: 20 }, late(9))).toBe(20);
  });

  it("takes a per-day penalty for each started day, up to everything", () => {
    expect(latePenaltyPercent({ latePenaltyType: "percent_per_day", latePenaltyPercent: 10 }, late(1))).toBe(10);
    expect(latePenaltyPercent({ latePenaltyType: "percent_per_day", latePenaltyPercent: 10 }, late(3))).toBe(30);
    expect(latePenaltyPercent({ latePenaltyType: "percent_per_day", latePenaltyPercent: 12.5 }, late(3))).toBe(37.5);
    expect(latePenaltyPercent({ latePenaltyType: "percent_per_day", latePenaltyPercent: 10 }, late(10))).toBe(100);
    expect(latePenaltyPercent({ latePenaltyType: "percent_per_day", latePenaltyPercent: 30 }, late(4))).toBe(100);
  });

  it("keeps a stored percent inside 0 to 100", () => {
    expect(latePenaltyPercent({ latePenaltyType: "flat", latePenaltyPercent: 150 }, late(1))).toBe(100);
    expect(latePenaltyPercent({ latePenaltyType: "flat", latePenaltyPercent: -5 }, late(1))).toBe(0);
  });
});

describe("applyLatePenalty", () => {
  it("keeps the points without a penalty", () => {
    expect(applyLatePenalty(17.5, 0)).toBe(17.5);
  });

  it("takes the percent off, kept to two decimals", () => {
    expect(applyLatePenalty(80, 10)).toBe(72);
    expect(applyLatePenalty(10, 33.33)).toBe(6.67);
    expect(applyLatePenalty(7, 12.5)).toBe(6.13);
  });

  it("never goes below zero", () => {
    expect(applyLatePenalty(50, 100)).toBe(0);
    expect(applyLatePenalty(50, 250)).toBe(0);
    expect(applyLatePenalty(0, 10)).toBe(0);
  });

  it("never adds points for a negative percent", () => {
    expect(applyLatePenalty(40, -10)).toBe(40);
  });
});
