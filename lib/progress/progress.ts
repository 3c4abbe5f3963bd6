import type { EnrollmentStatus } from "@/db/schema/enums";

/** Percent of required items done, 0-100 with two decimals; a course with no items is at 0. */
export function progressPercent(completed: number, required: number): number {
  if (!Number.isFinite(required) || required <= 0) return 0;
  const done = Math.min(Math.max(0, completed), required);
  return Math.round((done * 10000) / required) / 100;
}

/**
 * The enrolment status that follows from the counts: complete when every
 * required item is; a dropped or suspended enrolment keeps its status.
 */
export function statusAfterProgress(current: EnrollmentStatus, completed: number, required: number): EnrollmentStatus {
  if (current !== "active" && current !== "completed") return current;
  return required > 0 && completed >= required ? "completed" : "active";
}
