import type { DbOrTx } from "./index";
import type { SqlExecutor } from "./job-queue";

interface PostgresJsClient {
  unsafe(text: string, values: unknown[]): Promise<Iterable<Record<string, unknown>>>;
  /** Only on the pool, not inside a transaction. */
  reserve?(): Promise<PostgresJsClient & { release(): void }>;
}
interface PgliteClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<{ rows: Record<string, unknown>[] }[]>;
}

/** The driver's own client under a Drizzle database or transaction (postgres.js or PGlite). */
function clientOf(db: DbOrTx): PostgresJsClient | PgliteClient {
  // Drizzle keeps it on its session; a transaction's session holds the
  // transaction's client, so statements sent here join that transaction.
  return (db as unknown as { session: { client: PostgresJsClient | PgliteClient } }).session.client;
}

/**
 * Runs text-and-parameters SQL (what pg-boss sends) on our own connection:
 * the app's postgres.js pool or its one PGlite, or inside one of our
 * transactions, so a job queued there exists exactly when the change that
 * caused it commits. Text without parameters may hold several statements
 * (pg-boss's schema install), so it goes as a simple query.
 */
/** Objects (pg-boss's job data and queue options) go as JSON text, which the statement casts; undefined is NULL. */
const plain = (value: unknown) =>
  value === undefined ? null :
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array)
    ? JSON.stringify(value)
    : value;

export function executorOf(target: DbOrTx | (() => DbOrTx)): SqlExecutor {
  return {
    async executeSql(text, rawValues = []) {
      const values = rawValues.map(plain);
      const client = clientOf(typeof target === "function" ? target() : target);
      if ("unsafe" in client) {
        // pg-boss wraps its schema changes in BEGIN … COMMIT: one connection of the pool must carry all of it.
        if (values.length === 0 && client.reserve && /^\s*BEGIN\b/im.test(text)) {
          const reserved = await client.reserve();
          try {
            return { rows: [...(await reserved.unsafe(text, []))] };
          } finally {
            reserved.release();
          }
        }
        return { rows: [...(await client.unsafe(text, values))] };
      }
      if (values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}
