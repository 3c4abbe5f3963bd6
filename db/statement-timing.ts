import { performance } from "node:perf_hooks";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

// Times every statement the app sends, whichever driver runs it: both of
// Drizzle's PostgreSQL drivers (postgres.js, PGlite) hand the driver call to
// PgPreparedQuery.queryWithCache, so wrapping that one method sees them all
// (queries, db.execute, transactions' statements). The method is internal to
// Drizzle: if an upgrade renames it, nothing is timed and the metrics test
// (tests/integration/metrics.test.ts) fails, rather than the app.

export interface StatementObserver {
  started(): void;
  finished(operation: string, seconds: number, failed: boolean): void;
}

const store = globalThis as unknown as { __jeeviStatementObserver?: StatementObserver };

/** Where statement timings go (lib/metrics sets it); one per process. */
export function observeStatements(observer: StatementObserver | undefined): void {
  store.__jeeviStatementObserver = observer;
}

/** The statement's kind, for a label with few values: select, insert, update, delete, begin… or other. */
export function statementOperation(query: string): string {
  const keyword = /^\s*(?:with\b[\s\S]*?\)\s*)?([a-z]+)/i.exec(query)?.[1]?.toLowerCase() ?? "";
  const known = ["select", "insert", "update", "delete", "begin", "commit", "rollback", "savepoint", "release", "listen", "notify", "set"];
  return known.includes(keyword) ? keyword : "other";
}

type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
const timedMark = Symbol.for("jeevi.statementTiming");
const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache?: QueryWithCache; [timedMark]?: true };

/** Installs the timing once per copy of Drizzle (the bundler may load several). */
export function installStatementTiming(): void {
  const original = prototype.queryWithCache;
  if (typeof original !== "function" || prototype[timedMark]) return;
  prototype[timedMark] = true;
  prototype.queryWithCache = function (queryString, params, query) {
    const timed = async () => {
      const observer = store.__jeeviStatementObserver;
      if (!observer) return query();
      const started = performance.now();
      observer.started();
      let failed = false;
      try {
        return await query();
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        observer.finished(statementOperation(queryString), (performance.now() - started) / 1000, failed);
      }
    };
    return original.call(this, queryString, params, timed);
  };
}
