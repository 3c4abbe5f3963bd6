import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

interface QueryLog {
  queries: string[];
}

const storage = new AsyncLocalStorage<QueryLog>();

/** Drizzle logger that records statements run inside `countQueries`. */
export const countingLogger: Logger = {
  logQuery(query) {
    storage.getStore()?.queries.push(query);
  },
};

/** Runs `work` and reports the SQL statements it issued, for tests that bound queries per page. */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; count: number; queries: string[] }> {
  const log: QueryLog = { queries: [] };
  const result = await storage.run(log, work);
  return { result, count: log.queries.length, queries: log.queries };
}
