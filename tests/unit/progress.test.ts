import { describe, expect, it } from "vitest";
import type { EnrollmentStatus } from "@/db/schema/enums";
import { progressPercent, statusAfterProgress } from "@/lib/progress/progress";

describe("progressPercent", () => {
  it.each([
    [0, 0, 0],
    [3, 0, 0],
    [0, 4, 0],
    [1, 4, 25],
    [2, 4, 50],
    [4, 4, 100],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 6, 16.67],
    [5, 6, 83.33],
    [1, 7, 14.29],
    [1, 8, 12.5],
    [199, 200, 99.5],
    [1, 10000, 0.01],
    [1, 30000, 0],
    [9999, 10000, 99.99],
  ])("%i of %i → %d", (completed, required, expected) => {
    expect(progressPercent(completed, required)).toBe(expected);
  });

  it("caps over-completion at 100", () => {
    expect(progressPercent(7, 5)).toBe(100);
    expect(progressPercent(Number.MAX_SAFE_INTEGER, 3)).toBe(100);
  });

  it("treats a negative completed count as none", () => {
    expect(progressPercent(-1, 4)).toBe(0);
  });

  it("reports 0 for a negative or non-finite required count", () => {
    expect(progressPercent(2, -3)).toBe(0);
    expect(progressPercent(2, Number.NaN)).toBe(0);
    expect(progressPercent(2, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("never reaches 100 before every item is done", () => {
    // 2999/3000 = 99.9667 rounds to 99.97, not 100.
    expect(progressPercent(2999, 3000)).toBe(99.97);
    for (let required = 1; required <= 300; required++) {
      expect(progressPercent(required - 1, required)).toBeLessThan(100);
      expect(progressPercent(required, required)).toBe(100);
    }
  });

  it("always has at most two decimals and stays within 0-100", () => {
    for (let required = 1; required <= 60; required++) {
      for (let completed = 0; completed <= required; completed++) {
        const percent = progressPercent(completed, required);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        expect(Math.round(percent * 100) / 100).toBe(percent);
      }
    }
  });
});

describe("statusAfterProgress", () => {
  it.each<[EnrollmentStatus, number, number, EnrollmentStatus]>([
    // Active enrolments complete exactly when every item is done.
    ["active", 0, 5, "active"],
    ["active", 4, 5, "active"],
    ["active", 5, 5, "completed"],
    ["active", 6, 5, "completed"],
    // A course with nothing in it is never complete.
    ["active", 0, 0, "active"],
    ["completed", 0, 0, "active"],
    // Completed goes back to active when a lesson is added (5 of 6 now).
    ["completed", 5, 6, "active"],
    ["completed", 6, 6, "completed"],
    // Dropped and suspended enrolments keep their status, whatever the counts.
    ["dropped", 0, 5, "dropped"],
    ["dropped", 5, 5, "dropped"],
    ["suspended", 0, 5, "suspended"],
    ["suspended", 5, 5, "suspended"],
  ])("%s with %i of %i done → %s", (current, completed, required, expected) => {
    expect(statusAfterProgress(current, completed, required)).toBe(expected);
  });
});
