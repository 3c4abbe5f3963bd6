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
  /** Submitted attempts without a score, and answers of submitted attempts without points, found in the database afterwards. */
  ungraded: number;
  /**
   * Submits and saves answered with success that the database does not hold
   * (a submit answered 200 whose attempt is not submitted, a saved answer
   * that is not there). A request the client gave up on may still have been
   * done, so the database may hold more, never fewer.
   */
  missing: number;
}

export const examTargets = { startP99Ms: 1000, autosaveP95Ms: 50, maxRssMb: 400 } as const;

export function checkTargets(outcome: ExamOutcome): TargetCheck[] {
  const { start, autosave, submit, maxRssMb, ungraded, missing } = outcome;
  return [
    { target: "start: 0 errors", actual: String(start.errors), met: start.errors === 0 },
    { target: `start: p99 <= ${examTargets.startP99Ms} ms`, actual: `${start.p99.toFixed(0)} ms`, met: start.p99 <= examTargets.startP99Ms },
    { target: `autosave: p95 <= ${examTargets.autosaveP95Ms} ms`, actual: `${autosave.p95.toFixed(1)} ms`, met: autosave.p95 <= examTargets.autosaveP95Ms },
    { target: "submit: 0 errors", actual: String(submit.errors), met: submit.errors === 0 },
    { target: "every submitted answer graded", actual: `${ungraded} ungraded`, met: ungraded === 0 },
    { target: "every answered submit and save in the database", actual: `${missing} missing`, met: missing === 0 },
    { target: `server RSS < ${examTargets.maxRssMb} MB`, actual: `${maxRssMb.toFixed(0)} MB`, met: maxRssMb < examTargets.maxRssMb },
  ];
}
