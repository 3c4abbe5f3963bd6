import type { DatabaseHandle } from "@/db";
import { observeStatements } from "@/db/statement-timing";
import { readQueueDepth } from "./queue-depth";
import { appMetrics } from "./registry.mjs";

/**
 * Points the process's metrics at its database: statement timings, the pool
 * and the queue depth. The web server (app-sources.ts) and `npm run worker`
 * (worker-metrics-server.ts) both call it; doing it again changes nothing.
 */
export function installDatabaseMetricSources(handle: () => DatabaseHandle): void {
  const metrics = appMetrics();
  observeStatements({
    started: () => metrics.statementStarted(),
    finished: (operation, seconds, failed) => metrics.statementFinished(operation, seconds, failed),
  });
  metrics.sources.databasePool = () => {
    const { kind, maxConnections } = handle();
    return { driver: kind, max: maxConnections };
  };
  metrics.sources.queueDepth = () => readQueueDepth(handle().db);
}
