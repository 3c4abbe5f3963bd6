// When each simulated student sends what: pure functions of the bench's
// settings, so a run's shape is the same every time and can be unit-tested.
// Offsets are milliseconds from the start of their phase.

export interface Scheduled<T> {
  at: number;
  item: T;
}

/**
 * `count` moments spread over `windowMs`: one per equal slice, each at a
 * pseudo-random point inside its slice (seeded), so arrivals are even
 * overall yet not in lockstep, as a class pressing "Start" is.
 */
export function spreadOver(count: number, windowMs: number, seed = 1): number[] {
  if (count <= 0) return [];
  const random = seededRandom(seed);
  const slice = windowMs / count;
  return Array.from({ length: count }, (_, i) => Math.min(windowMs - 1, Math.floor(i * slice + random() * slice)));
}

/**
 * Each of `participants` repeats every `periodMs` for `durationMs`, its first
 * time at its own phase within the first period (so the load is steady, not
 * a burst every period). `round` counts each participant's repetitions from 0.
 */
export function everyPeriod(participants: number, periodMs: number, durationMs: number): Scheduled<{ participant: number; round: number }>[] {
  const events: Scheduled<{ participant: number; round: number }>[] = [];
  for (let participant = 0; participant < participants; participant++) {
    const phase = Math.floor((participant * periodMs) / participants);
    for (let round = 0, at = phase; at < durationMs; round++, at += periodMs) events.push({ at, item: { participant, round } });
  }
  return events.sort((a, b) => a.at - b.at);
}

/** A deterministic generator in [0, 1) (mulberry32): the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
