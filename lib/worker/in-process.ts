import { getDatabaseHandle } from "@/db";
import { logger } from "@/lib/logging/logger.mjs";
import { startWorker, type RunningWorker } from "./start-worker";

const workerState = globalThis as unknown as { __jeeviWorker?: Promise<RunningWorker> };

/**
 * WORKER=off: this web server leaves background work to a separate `npm run
 * worker`. Only with PostgreSQL: the embedded database admits one process, so
 * without DATABASE_URL nothing else could run the worker and it stays here.
 */
export const inProcessWorkerEnabled = (env: Record<string, string | undefined> = process.env) =>
  !env.DATABASE_URL?.trim() || !/^(off|false|0|no)$/i.test(env.WORKER?.trim() ?? "");

/**
 * Starts the worker inside the web server (a small school runs one process),
 * once per process whatever the number of module copies, unless WORKER=off.
 */
export function startInProcessWorker(): boolean {
  if (!inProcessWorkerEnabled() || workerState.__jeeviWorker) return false;
  workerState.__jeeviWorker = startWorker(getDatabaseHandle);
  workerState.__jeeviWorker.catch((error) => logger().error({ err: error }, "worker: did not start"));
  return true;
}

export async function stopInProcessWorker(): Promise<void> {
  const running = workerState.__jeeviWorker;
  workerState.__jeeviWorker = undefined;
  await (await running)?.stop();
}
