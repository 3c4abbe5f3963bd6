import type { EnrollmentStatus } from "@/db/schema/enums";

// Who is at risk in a course, as one pure rule. enrollment-report.ts states
// the same rule in SQL (so the report can filter and count by it); an
// integration test checks that both agree on the same rows.
//
// Only an ACTIVE enrolment can be at risk (completed, dropped and suspended
// ones are not "behind"). It is at risk when either
//  - inactive: its last activity is at least 7 days (7 × 24 h) before now, or
//  - behind: its progress is MORE than 25 percentage points below the median
//    progress of the course's active enrolments (the student's own included;
//    the median of an even count is the mean of the two middle values).
//
// Progress is stored with two decimals, so the comparison is done in
// half-hundredths of a point (integers): no floating-point rounding can make
// the page and the SQL disagree at the boundary.

export const inactiveAfterDays = 7;
export const behindByPoints = 25;
const dayMs = 24 * 60 * 60 * 1000;

export interface AtRiskInput {
  status: EnrollmentStatus;
  progressPercent: number;
  lastActivityAt: Date;
  /** Median progress of the course's active enrolments; null when it has none. */
  courseMedian: number | null;
}

export interface AtRiskFlags {
  /** Whole days since the last activity when that is 7 or more; else null. */
  inactiveDays: number | null;
  /** Points below the course median (rounded to one decimal) when more than 25; else null. */
  pointsBehind: number | null;
}

const halfHundredths = (percent: number) => Math.round(percent * 200);

/** Whole days between the last activity and now (0 for a future date). */
export const daysSince = (lastActivityAt: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - lastActivityAt.getTime()) / dayMs));

/** True when the last activity is 7 or more days before now. */
export const isInactive = (lastActivityAt: Date, now: Date) => now.getTime() - lastActivityAt.getTime() >= inactiveAfterDays * dayMs;

/** True when the progress is more than 25 points below the median. */
export const isBehind = (progressPercent: number, courseMedian: number | null) =>
  courseMedian !== null && halfHundredths(courseMedian) - halfHundredths(progressPercent) > behindByPoints * 200;

/** The median of some progress values (mean of the two middle ones for an even count); null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Why (if at all) an enrolment is at risk. */
export function atRiskFlags(input: AtRiskInput, now: Date): AtRiskFlags {
  if (input.status !== "active") return { inactiveDays: null, pointsBehind: null };
  return {
    inactiveDays: isInactive(input.lastActivityAt, now) ? daysSince(input.lastActivityAt, now) : null,
    pointsBehind: isBehind(input.progressPercent, input.courseMedian)
      ? Math.round((input.courseMedian! - input.progressPercent) * 10) / 10
      : null,
  };
}

export const isAtRisk = (flags: AtRiskFlags) => flags.inactiveDays !== null || flags.pointsBehind !== null;

/** The reasons in words, for the badge and the CSV: "No activity for 12 days", "35 points below the course median". */
export function atRiskReasons(flags: AtRiskFlags): string[] {
  const reasons: string[] = [];
  if (flags.inactiveDays !== null) reasons.push(`No activity for ${flags.inactiveDays} ${flags.inactiveDays === 1 ? "day" : "days"}`);
  if (flags.pointsBehind !== null) reasons.push(`${formatPoints(flags.pointsBehind)} points below the course median`);
  return reasons;
}

const formatPoints = (points: number) => (Number.isInteger(points) ? String(points) : points.toFixed(1));
