// The server's own view of the run: scripts/serve.mjs logs one JSON line per
// request with its route and durationMs, timed from when Node handed the
// request over. The bench's latencies count from when a request was due; the
// difference is time spent waiting to be read (a busy event loop, a CPU
// shared with other processes). Pure.
import { percentile } from "./stats";

export interface RouteTiming {
  route: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function routeTimings(logText: string): RouteTiming[] {
  const byRoute = new Map<string, number[]>();
  for (const line of logText.split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: { msg?: string; method?: string; route?: string; durationMs?: number };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.msg !== "request" || typeof entry.durationMs !== "number") continue;
    const key = `${entry.method} ${entry.route}`;
    let durations = byRoute.get(key);
    if (!durations) byRoute.set(key, (durations = []));
    durations.push(entry.durationMs);
  }
  return [...byRoute.entries()]
    .map(([route, durations]) => ({ route, count: durations.length, p50: percentile(durations, 50), p95: percentile(durations, 95), max: Math.max(...durations) }))
    .sort((a, b) => b.count - a.count || (a.route < b.route ? -1 : 1));
}
