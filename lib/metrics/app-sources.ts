import "server-only";
import { getDatabaseHandle } from "@/db";
import { streamCountOfProcess } from "@/lib/notifications/realtime/hub";
import { installDatabaseMetricSources } from "./database-sources";
import { appMetrics } from "./registry.mjs";

/**
 * Points the process's metrics at the app: statement timings, open
 * notification streams, the database pool and the queue depth. Called when
 * the server starts (instrumentation.ts) and before each scrape; doing it
 * again changes nothing.
 */
export function installAppMetricSources(): void {
  installDatabaseMetricSources(getDatabaseHandle);
  appMetrics().sources.sseConnections = streamCountOfProcess;
}
