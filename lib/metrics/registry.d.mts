import type { Counter, Histogram, Registry } from "prom-client";

export interface QueueDepthRow {
  queue: string;
  state: string;
  count: number;
}

export interface MetricSources {
  sseConnections: (() => number) | null;
  queueDepth: (() => Promise<QueueDepthRow[]>) | null;
  databasePool: (() => { driver: string; max: number }) | null;
}

export type SignInFailureReason = "invalid" | "inactive" | "throttled";

export interface AppMetrics {
  registry: Registry;
  sources: MetricSources;
  metrics: {
    httpRequests: Counter<"method" | "route" | "status">;
    httpDuration: Histogram<"method" | "route" | "status">;
    statementDuration: Histogram<"operation" | "outcome">;
    signInFailures: Counter<"reason">;
    jobRuns: Counter<"job" | "outcome">;
    jobDuration: Histogram<"job">;
  };
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  statementStarted(): void;
  statementFinished(operation: string, seconds: number, failed: boolean): void;
  signInFailed(reason: SignInFailureReason): void;
  jobRan(job: string, seconds: number, failed: boolean): void;
}

export declare function methodLabel(method: string | undefined): string;
export declare function appMetrics(): AppMetrics;
