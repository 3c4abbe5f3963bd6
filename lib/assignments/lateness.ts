import type { LatePenaltyType } from "@/db/schema/enums";
import { roundPoints } from "@/lib/grading/round";

export interface LatePolicy {
  dueAt: Date | null;
  acceptLate: boolean;
  latePenaltyType: LatePenaltyType;
  latePenaltyPercent: number;
}

export interface Lateness {
  isLate: boolean;
  /** Started days past the due date: one minute late is one day late. Zero when on time. */
  daysLate: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Handing in at the due instant itself is on time; no due date is never late. */
export function lateness(dueAt: Date | null, submittedAt: Date): Lateness {
  if (!dueAt) return { isLate: false, daysLate: 0 };
  const overMs = submittedAt.getTime() - dueAt.getTime();
  if (overMs <= 0) return { isLate: false, daysLate: 0 };
  return { isLate: true, daysLate: Math.ceil(overMs / dayMs) };
}

export type SubmissionWindow = "open" | "late" | "closed";

/** Whether work handed in now is taken on time, taken as late, or refused. */
export function submissionWindow(policy: LatePolicy, now: Date): SubmissionWindow {
  if (!lateness(policy.dueAt, now).isLate) return "open";
  return policy.acceptLate ? "late" : "closed";
}

/** The percent taken off a late submission's points, 0 to 100. */
export function latePenaltyPercent(policy: Pick<LatePolicy, "latePenaltyType" | "latePenaltyPercent">, late: Lateness): number {
  if (!late.isLate) return 0;
  const percent = Math.min(100, Math.max(0, policy.latePenaltyPercent));
  switch (policy.latePenaltyType) {
    case "none":
      return 0;
    case "flat":
      return percent;
    case "percent_per_day":
      return Math.min(100, roundPoints(percent * late.daysLate));
  }
}

/** The points a grade is worth after the penalty, kept to two decimals and never below zero. */
export function applyLatePenalty(rawPoints: number, penaltyPercent: number): number {
  const kept = 1 - Math.min(100, Math.max(0, penaltyPercent)) / 100;
  return Math.max(0, roundPoints(rawPoints * kept));
}
