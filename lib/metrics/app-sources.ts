import "server-only";
import { getDatabaseHandle } from "@/db";
import { observeStatements } from "@/db/statement-timing";
import { streamCountOfProcess } from "@/lib/notifications/realtime/hub";
import { readQueueDepth } from "./queue-depth";
import { appMetrics } from "./registry.mjs";

/**
 * Points the process's metrics at the app: statement timings, open
 * notification streams, the database pool and the queue depth. Called when
 * the server starts (instrumentation.ts) and before each scrape; doing it
 * again changes nothing.
 */
export function installAppMetricSources(): void {
  const metrics = appMetrics();
  observeStatements({
    started: () => metrics.statementStarted(),
    finished: (operation, seconds, failed) => metrics.statementFinished(operation, seconds, failed),
  });
  metrics.sources.sseConnections = streamCountOfProcess;
  metrics.sources.databasePool = () => {
    const { kind, maxConnections } = getDatabaseHandle();
    return { driver: kind, max: maxConnections };
  };
  metrics.sources.queueDepth = () => readQueueDepth(getDatabaseHandle().db);
}
