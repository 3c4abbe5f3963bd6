// The numbers of the result table, computed from what was measured.

/** A page's throughput as a share of the reference page's (N), in whole percent. */
export function shareOfN(requestsPerSecond: number, referenceRequestsPerSecond: number): number | null {
  if (!(referenceRequestsPerSecond > 0)) return null;
  return Math.round((requestsPerSecond / referenceRequestsPerSecond) * 100);
}

/**
 * Statements the server ran per request: the counter's growth over `requests`
 * sequential requests, less what the counter grows by when only the scrape
 * itself (and background work) ran in between (`idleGrowth`).
 */
export function statementsPerRequest(before: number, after: number, requests: number, idleGrowth: number): number {
  if (requests < 1) throw new Error("statementsPerRequest needs at least one request.");
  const perRequest = (after - before - idleGrowth) / requests;
  return Math.max(0, Math.round(perRequest * 10) / 10);
}

/** The p-th percentile (0–100) of the samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile needs samples.");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The mean, rounded to whole units (bytes). */
export function meanRounded(samples: readonly number[]): number {
  if (samples.length === 0) return 0;
  return Math.round(samples.reduce((sum, sample) => sum + sample, 0) / samples.length);
}
