/** How many times one email is tried before it is marked failed. */
export const maxEmailAttempts = 6;

const minute = 60_000;

/** The wait after the n-th failed attempt: 1 min, 5, 25, 125, then capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(minute * 5 ** Math.max(0, attempts - 1), 6 * 60 * minute);
}
