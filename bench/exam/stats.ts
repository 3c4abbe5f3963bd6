// Latency statistics and the summary table of a phase. Pure.

export interface Sample {
  /** Milliseconds from the moment the request was due to its answer's last byte. */
  latencyMs: number;
  /** The HTTP status, or 0 when the request failed without one (refused, reset, timed out). */
  status: number;
  /** The status the request expects (201 for a new attempt, 200 otherwise). */
  ok: boolean;
}

export interface PhaseSummary {
  phase: string;
  count: number;
  errors: number;
  /** How many of each status, e.g. { "200": 1190, "429": 10 }. */
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests answered per second over the phase's wall-clock time. */
  rps: number;
  /** The server's CPU time over the phase (its process tree; not the PostgreSQL server's), when measured. */
  serverCpuMs?: number;
  /** How long the server's event loop thread waited for a CPU during the phase, when measured. */
  serverRunQueueWaitMs?: number;
}

/** The nearest-rank percentile (p in 0..100) of values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(phase: string, samples: readonly Sample[], wallMs: number): PhaseSummary {
  const latencies = samples.map((sample) => sample.latencyMs);
  const statuses: Record<string, number> = {};
  for (const sample of samples) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
  return {
    phase,
    count: samples.length,
    errors: samples.filter((sample) => !sample.ok).length,
    statuses,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    rps: wallMs > 0 ? (samples.length * 1000) / wallMs : 0,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(1) : value.toFixed(0));

/** A plain-text table, one row per phase. */
export function formatTable(rows: readonly PhaseSummary[]): string {
  const header = ["phase", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "server CPU ms/req"];
  const cpuPerRequest = (row: PhaseSummary) => (row.serverCpuMs === undefined || row.count === 0 ? "-" : (row.serverCpuMs / row.count).toFixed(1));
  const body = rows.map((row) => [
    row.phase,
    String(row.count),
    String(row.errors),
    ms(row.p50),
    ms(row.p95),
    ms(row.p99),
    ms(row.max),
    row.rps.toFixed(1),
    cpuPerRequest(row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}
