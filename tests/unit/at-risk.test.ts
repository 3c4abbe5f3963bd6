import { describe, expect, it } from "vitest";
import type { EnrollmentStatus } from "@/db/schema/enums";
import {
  atRiskFlags,
  atRiskReasons,
  behindByPoints,
  daysSince,
  inactiveAfterDays,
  isAtRisk,
  isBehind,
  isInactive,
  medianOf,
} from "@/lib/reports/at-risk";

const now = new Date("2026-06-15T12:00:00.000Z");
const day = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("the rule's constants", () => {
  it("is 7 days quiet or more than 25 points behind", () => {
    expect(inactiveAfterDays).toBe(7);
    expect(behindByPoints).toBe(25);
  });
});

describe("medianOf", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([42])).toBe(42);
    expect(medianOf([10, 30])).toBe(20);
    expect(medianOf([80, 20, 50])).toBe(50);
    expect(medianOf([0, 100, 25, 75])).toBe(50);
    expect(medianOf([33.33, 66.67])).toBeCloseTo(50, 10);
    expect(medianOf([5, 5, 5, 100])).toBe(5);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    medianOf(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("isInactive and daysSince", () => {
  it("is inactive from exactly 7 days on", () => {
    expect(isInactive(ago(7 * day), now)).toBe(true);
    expect(isInactive(ago(7 * day - 1), now)).toBe(false);
    expect(isInactive(ago(30 * day), now)).toBe(true);
    expect(isInactive(ago(0), now)).toBe(false);
    expect(isInactive(new Date(now.getTime() + day), now)).toBe(false);
  });

  it("counts whole days, never below zero", () => {
    expect(daysSince(ago(7 * day), now)).toBe(7);
    expect(daysSince(ago(12 * day + 23 * 60 * 60 * 1000), now)).toBe(12);
    expect(daysSince(ago(1), now)).toBe(0);
    expect(daysSince(new Date(now.getTime() + day), now)).toBe(0);
  });
});

describe("isBehind", () => {
  it("is behind only when more than 25 points below the median", () => {
    expect(isBehind(25, 50)).toBe(false);
    expect(isBehind(24.99, 50)).toBe(true);
    expect(isBehind(20, 50)).toBe(true);
    expect(isBehind(50, 50)).toBe(false);
    expect(isBehind(90, 50)).toBe(false);
    expect(isBehind(0, 25)).toBe(false);
    expect(isBehind(0, 25.01)).toBe(true);
    expect(isBehind(0, null)).toBe(false);
  });

  it("is exact at the boundary for two-decimal values and half-hundredth medians", () => {
    // 33.33 and 66.67: a median of 50 in exact arithmetic, 49.99999… or 50.00…1 in floating point.
    const median = medianOf([33.33, 66.67])!;
    expect(isBehind(25, median)).toBe(false);
    expect(isBehind(24.99, median)).toBe(true);
    // A median half-way between hundredths: 45.675 − 20.67 = 25.005 > 25.
    expect(isBehind(20.67, medianOf([45.67, 45.68]))).toBe(true);
    expect(isBehind(20.68, medianOf([45.67, 45.68]))).toBe(false);
    expect(isBehind(0.1 + 0.2, 25.3)).toBe(false);
  });
});

describe("atRiskFlags", () => {
  const base = { status: "active" as EnrollmentStatus, progressPercent: 50, lastActivityAt: ago(day), courseMedian: 50 };

  it("flags nothing for a recent student near the median", () => {
    const flags = atRiskFlags(base, now);
    expect(flags).toEqual({ inactiveDays: null, pointsBehind: null });
    expect(isAtRisk(flags)).toBe(false);
    expect(atRiskReasons(flags)).toEqual([]);
  });

  it("flags inactivity with the days, behind with the points, or both", () => {
    expect(atRiskFlags({ ...base, lastActivityAt: ago(12 * day) }, now)).toEqual({ inactiveDays: 12, pointsBehind: null });
    expect(atRiskFlags({ ...base, progressPercent: 15 }, now)).toEqual({ inactiveDays: null, pointsBehind: 35 });
    const both = atRiskFlags({ ...base, progressPercent: 12.34, lastActivityAt: ago(8 * day) }, now);
    expect(both).toEqual({ inactiveDays: 8, pointsBehind: 37.7 });
    expect(isAtRisk(both)).toBe(true);
    expect(atRiskReasons(both)).toEqual(["No activity for 8 days", "37.7 points below the course median"]);
  });

  it("never flags an enrolment that is not active", () => {
    for (const status of ["completed", "dropped", "suspended"] as EnrollmentStatus[]) {
      const flags = atRiskFlags({ status, progressPercent: 0, lastActivityAt: ago(100 * day), courseMedian: 90 }, now);
      expect(flags).toEqual({ inactiveDays: null, pointsBehind: null });
    }
  });

  it("never flags behind without a median", () => {
    expect(atRiskFlags({ ...base, progressPercent: 0, courseMedian: null }, now).pointsBehind).toBeNull();
  });

  it("agrees with its parts over a grid of cases", () => {
    const statuses: EnrollmentStatus[] = ["active", "completed", "dropped", "suspended"];
    for (const status of statuses)
      for (const progress of [0, 10, 24.99, 25, 25.01, 50, 74.99, 75, 100])
        for (const median of [null, 0, 50, 75, 100])
          for (const quiet of [0, 6 * day, 7 * day - 1, 7 * day, 40 * day]) {
            const flags = atRiskFlags({ status, progressPercent: progress, lastActivityAt: ago(quiet), courseMedian: median }, now);
            const expected = status === "active" && (quiet >= 7 * day || (median !== null && median - progress > 25 + 1e-9));
            expect(isAtRisk(flags), `${status} ${progress} ${median} ${quiet}`).toBe(expected);
          }
  });
});

describe("atRiskReasons", () => {
  it("reads well in the singular and with decimals", () => {
    expect(atRiskReasons({ inactiveDays: 1, pointsBehind: null })).toEqual(["No activity for 1 day"]);
    expect(atRiskReasons({ inactiveDays: null, pointsBehind: 25.5 })).toEqual(["25.5 points below the course median"]);
    expect(atRiskReasons({ inactiveDays: 7, pointsBehind: 30 })).toEqual(["No activity for 7 days", "30 points below the course median"]);
  });
});
