import type { TaskLimits, TaskOverrideValues } from "@/lib/pacing/effective-task";
import { effectiveLimits } from "@/lib/pacing/effective-task";

// How a student's own override, its sections' overrides and the task combine,
// field by field (due date, time limit, attempts):
//   1. the student's own override, where it sets the field;
//   2. else the most lenient of its sections' overrides that set it (the
//      latest due date, the longest time limit, the most attempts), as Canvas
//      does for a student in several sections;
//   3. else the task's own value.
// The SQL in section-overrides-sql.ts computes step 2 with max(); these pure
// functions are what the TypeScript paths call and what the unit tests pin.
// No "server-only": the worker's reminders use it too.

const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a.getTime() >= b.getTime() ? a : b);
const largest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** The most lenient value of each field across a student's sections' overrides; null when there are none. */
export function mostLenientSectionOverride(overrides: readonly TaskOverrideValues[]): TaskOverrideValues | null {
  if (overrides.length === 0) return null;
  return overrides.reduce<TaskOverrideValues>(
    (merged, next) => ({
      dueAt: latest(merged.dueAt, next.dueAt),
      timeLimitMinutes: largest(merged.timeLimitMinutes, next.timeLimitMinutes),
      attemptsAllowed: largest(merged.attemptsAllowed, next.attemptsAllowed),
    }),
    { dueAt: null, timeLimitMinutes: null, attemptsAllowed: null },
  );
}

/**
 * The override that applies to one student: its own fields where set, else its
 * sections' merged value (pass either the list of its sections' overrides or
 * their merge). Null when neither sets anything.
 */
export function mergeStudentOverride(
  own: TaskOverrideValues | null | undefined,
  sections: readonly TaskOverrideValues[] | TaskOverrideValues | null | undefined,
): TaskOverrideValues | null {
  const section = Array.isArray(sections) ? mostLenientSectionOverride(sections) : ((sections as TaskOverrideValues | null | undefined) ?? null);
  const merged: TaskOverrideValues = {
    dueAt: own?.dueAt ?? section?.dueAt ?? null,
    timeLimitMinutes: own?.timeLimitMinutes ?? section?.timeLimitMinutes ?? null,
    attemptsAllowed: own?.attemptsAllowed ?? section?.attemptsAllowed ?? null,
  };
  return merged.dueAt === null && merged.timeLimitMinutes === null && merged.attemptsAllowed === null ? null : merged;
}

/** The task's limits for one student, after its own override and its sections' overrides. */
export function limitsForStudent(
  task: TaskLimits,
  own: TaskOverrideValues | null | undefined,
  sections: readonly TaskOverrideValues[] | TaskOverrideValues | null | undefined,
): TaskLimits {
  return effectiveLimits(task, mergeStudentOverride(own, sections));
}
