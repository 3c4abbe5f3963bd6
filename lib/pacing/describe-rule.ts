// A release rule in one line, for the lock badge of the structure editor, the
// audit log and the API: "Opens from 10 Dec 2026, 09:00 CET and after lesson
// “Forces” is completed". Pure; dates are formatted by the caller, in the
// reader's time zone.
import type { ReleaseCondition, ReleaseItemRef, ReleaseRule } from "./release-rule";

export interface DescribeOptions {
  /** `lesson “Forces”`; a deleted item as such. */
  nameOf: (ref: ReleaseItemRef) => string;
  formatInstant: (instant: Date) => string;
}

export function describeCondition(condition: ReleaseCondition, { nameOf, formatInstant }: DescribeOptions): string {
  switch (condition.kind) {
    case "date":
      return `from ${formatInstant(new Date(condition.opensAt))}`;
    case "enrolment_days":
      return condition.days === 0 ? "once enrolled" : `${condition.days} day${condition.days === 1 ? "" : "s"} after enrolment`;
    case "completed":
      return `after ${nameOf(condition.item)} is completed`;
    case "score":
      return `after a score of at least ${condition.minPercent}% on ${nameOf({ kind: "task", id: condition.taskId })}`;
  }
}

/** "Always open" without a rule. */
export function describeRule(rule: ReleaseRule | null, options: DescribeOptions): string {
  if (!rule) return "Always open";
  const parts = rule.conditions.map((condition) => describeCondition(condition, options));
  if (parts.length === 1) return `Opens ${parts[0]}`;
  return rule.match === "all" ? `Opens ${parts.join(" and ")}` : `Opens at the first of: ${parts.join("; or ")}`;
}
