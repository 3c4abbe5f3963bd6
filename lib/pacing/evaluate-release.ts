// Pure release rules: whether an item is open for one student, and if not,
// why and (when only time stands in the way) from when. Every page, action,
// API route, file route, the calendar and the reminders derive it from here.
import type { ReleaseCondition, ReleaseItemRef, ReleaseRule } from "./release-rule";

const dayMs = 86_400_000;

/** What is known about one student in one course. */
export interface ReleaseFacts {
  now: Date;
  /** Null for a reader who is not enrolled (a teacher previewing with no student): enrolment conditions stay unmet. */
  enrolledAt: Date | null;
  completedLessons: ReadonlySet<string>;
  completedTasks: ReadonlySet<string>;
  completedModules: ReadonlySet<string>;
  /** Percent (0-100) a task's recorded points are of its max points. */
  scores: ReadonlyMap<string, number>;
}

/** An unmet condition, structured so each place formats it in the reader's time zone and words. */
export type LockReason =
  | { kind: "date"; opensAt: Date }
  | { kind: "enrolment_days"; days: number; opensAt: Date | null }
  | { kind: "completed"; item: ReleaseItemRef }
  | { kind: "score"; taskId: string; minPercent: number };

/** The unmet conditions of one rule, and how they combine: every one of them must be met (all), or any one (any). */
export interface LockGroup {
  match: ReleaseRule["match"];
  reasons: LockReason[];
}

export interface ReleaseState {
  open: boolean;
  /** Unmet conditions; empty when open. */
  reasons: LockReason[];
  /** The same reasons by rule (the module's first): each group must be met, in its own way. Empty when open. */
  groups: LockGroup[];
  /** When the item opens if nothing but time stands in the way; null when open or unknown. */
  opensAt: Date | null;
}

export const openState: ReleaseState = Object.freeze({ open: true, reasons: [], groups: [], opensAt: null }) as ReleaseState;

function isDone(item: ReleaseItemRef, facts: ReleaseFacts): boolean {
  if (item.kind === "lesson") return facts.completedLessons.has(item.id);
  if (item.kind === "task") return facts.completedTasks.has(item.id);
  return facts.completedModules.has(item.id);
}

/** The instant an enrolment condition opens at, or null when the reader is not enrolled. */
export function enrolmentOpensAt(enrolledAt: Date | null, days: number): Date | null {
  return enrolledAt ? new Date(enrolledAt.getTime() + days * dayMs) : null;
}

/** Null when the condition is met, else why not. */
export function unmetReason(condition: ReleaseCondition, facts: ReleaseFacts): LockReason | null {
  switch (condition.kind) {
    case "date": {
      const opensAt = new Date(condition.opensAt);
      return facts.now.getTime() >= opensAt.getTime() ? null : { kind: "date", opensAt };
    }
    case "enrolment_days": {
      const opensAt = enrolmentOpensAt(facts.enrolledAt, condition.days);
      return opensAt && facts.now.getTime() >= opensAt.getTime() ? null : { kind: "enrolment_days", days: condition.days, opensAt };
    }
    case "completed":
      return isDone(condition.item, facts) ? null : { kind: "completed", item: condition.item };
    case "score": {
      const score = facts.scores.get(condition.taskId);
      return score !== undefined && score >= condition.minPercent
        ? null
        : { kind: "score", taskId: condition.taskId, minPercent: condition.minPercent };
    }
  }
}

const timeOf = (reason: LockReason): Date | null =>
  reason.kind === "date" ? reason.opensAt : reason.kind === "enrolment_days" ? reason.opensAt : null;

/** One rule on its own (null: always open). */
export function evaluateRule(rule: ReleaseRule | null, facts: ReleaseFacts): ReleaseState {
  if (!rule) return openState;
  const reasons = rule.conditions.map((condition) => unmetReason(condition, facts));
  const unmet = reasons.filter((reason): reason is LockReason => reason !== null);
  const open = rule.match === "all" ? unmet.length === 0 : unmet.length < rule.conditions.length;
  if (open) return openState;
  const times = unmet.map(timeOf);
  let opensAt: Date | null = null;
  if (rule.match === "all") {
    // Known only when every unmet condition is a matter of time: the last of them.
    if (times.every((time) => time !== null)) opensAt = new Date(Math.max(...times.map((time) => time!.getTime())));
  } else {
    // Any one suffices: the earliest time-bound condition opens it at the latest by then.
    const known = times.filter((time): time is Date => time !== null);
    if (known.length > 0) opensAt = new Date(Math.min(...known.map((time) => time.getTime())));
  }
  return { open: false, reasons: unmet, groups: [{ match: rule.match, reasons: unmet }], opensAt };
}

/**
 * An item inside a module opens when both the module's rule and its own are
 * met; the reasons of both are listed, the module's first.
 */
export function combineStates(outer: ReleaseState, inner: ReleaseState): ReleaseState {
  if (outer.open) return inner;
  if (inner.open) return outer;
  const opensAt =
    outer.opensAt && inner.opensAt ? new Date(Math.max(outer.opensAt.getTime(), inner.opensAt.getTime())) : null;
  return { open: false, reasons: [...outer.reasons, ...inner.reasons], groups: [...outer.groups, ...inner.groups], opensAt };
}
