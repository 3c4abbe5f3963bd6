// The exam-day targets of issue 20, checked against a run's summaries. Pure.
import type { PhaseSummary } from "./stats";

export interface TargetCheck {
  target: string;
  actual: string;
  met: boolean;
}

export interface ExamOutcome {
  start: PhaseSummary;
  autosave: PhaseSummary;
  submit: PhaseSummary;
  maxRssMb: number;
  /** Submitted attempts with an ungraded answer or no score, found in the database afterwards. */
  ungraded: number;
}

export const examTargets = { startP99Ms: 1000, autosaveP95Ms: 50, maxRssMb: 400 } as const;

export function checkTargets(outcome: ExamOutcome): TargetCheck[] {
  const { start, autosave, submit, maxRssMb, ungraded } = outcome;
  return [
    { target: "start: 0 errors", actual: String(start.errors), met: start.errors === 0 },
    { target: `start: p99 <= ${examTargets.startP99Ms} ms`, actual: `${start.p99.toFixed(0)} ms`, met: start.p99 <= examTargets.startP99Ms },
    { target: `autosave: p95 <= ${examTargets.autosaveP95Ms} ms`, actual: `${autosave.p95.toFixed(1)} ms`, met: autosave.p95 <= examTargets.autosaveP95Ms },
    { target: "submit: 0 errors", actual: String(submit.errors), met: submit.errors === 0 },
    { target: "every submitted answer graded", actual: `${ungraded} ungraded`, met: ungraded === 0 },
    { target: `server RSS < ${examTargets.maxRssMb} MB`, actual: `${maxRssMb.toFixed(0)} MB`, met: maxRssMb < examTargets.maxRssMb },
  ];
}
