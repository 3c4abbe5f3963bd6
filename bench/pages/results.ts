// The JSON result of a run (bench/results is git-ignored).
import fs from "node:fs";
import path from "node:path";

export interface PageResult {
  /** The page with its ids named (/courses/<slug>); `path` is the one requested. */
  page: string;
  path: string;
  role: "guest" | "student" | "teacher" | "admin" | "reference";
  requestsPerSecond: number;
  /** Null when no request finished within autocannon's 10 s timeout. */
  p50Ms: number | null;
  p99Ms: number | null;
  /** Responses that were not 2xx, socket errors and timeouts during the timed run. */
  errors: number;
  statementsPerRequest: number | null;
  responseBytes: number;
  /** Whole percent of N measured in the same section; null for N itself. */
  shareOfN: number | null;
}

export interface DatabaseSection {
  database: "pglite" | "postgres";
  reference: PageResult;
  pages: PageResult[];
}

export interface BenchResult {
  startedAt: string;
  size: string;
  counts: Record<string, number>;
  seedSeconds: Record<string, number>;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  machine: { cpus: number; cpuModel: string; node: string; loadAverage: number[] };
  sections: DatabaseSection[];
}

/** bench/results/2026-05-01-XL.json for a run started that day at that size. */
export function defaultResultPath(root: string, startedAt: Date, size: string): string {
  return path.join(root, "bench", "results", `${startedAt.toISOString().slice(0, 10)}-${size}.json`);
}

export function writeResult(file: string, result: BenchResult): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
