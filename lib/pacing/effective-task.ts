// A student's own due date, time limit and attempts for a task: the task's,
// unless a teacher gave this student an override. Every deadline rule
// (lateness, attempt deadlines, auto-submit, reminders, the calendar) reads
// these values, never the task's own columns directly.
export interface TaskLimits {
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  /** Null means unlimited. */
  attemptsAllowed: number | null;
}

/** Each field of an override replaces the task's only when it is set. */
export interface TaskOverrideValues {
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
}

export function effectiveLimits(task: TaskLimits, override: TaskOverrideValues | null | undefined): TaskLimits {
  if (!override) return task;
  return {
    dueAt: override.dueAt ?? task.dueAt,
    timeLimitMinutes: override.timeLimitMinutes ?? task.timeLimitMinutes,
    attemptsAllowed: override.attemptsAllowed ?? task.attemptsAllowed,
  };
}
