// Pure time rules of an attempt. Every caller passes `now`, so tests can move the clock.

/** Started at + the time limit, capped at the due date; null when neither applies. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null, dueAt: Date | null): Date | null {
  const limit = timeLimitMinutes ? new Date(startedAt.getTime() + timeLimitMinutes * 60_000) : null;
  if (limit && dueAt) return limit < dueAt ? limit : dueAt;
  return limit ?? dueAt;
}

/** The deadline itself is already too late: a save at the deadline's millisecond is refused. */
export function isPastDeadline(deadlineAt: Date | null, now: Date): boolean {
  return deadlineAt !== null && now.getTime() >= deadlineAt.getTime();
}

/** Attempts left, or null for unlimited. */
export function attemptsLeft(attemptsAllowed: number | null, attemptsUsed: number): number | null {
  return attemptsAllowed === null ? null : Math.max(0, attemptsAllowed - attemptsUsed);
}
