import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { DatabaseHandle } from "@/db";

/**
 * LISTENs on a channel of the handle's database and calls `onPayload` for each
 * NOTIFY; resolves to the function that stops listening. PostgreSQL: postgres.js
 * keeps one dedicated connection for its listeners and re-LISTENs after a
 * reconnect. PGlite: notifications raised by this same process (the only one
 * allowed to open the directory) are delivered on commit.
 */
export async function listen(handle: DatabaseHandle, channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  // Callbacks run outside the driver's own call stack, so they may query freely.
  const deliver = (payload: string) => setImmediate(() => onPayload(payload));
  if (handle.kind === "pglite") {
    const unlisten = await (client as PGlite).listen(channel, deliver);
    return () => unlisten();
  }
  const { unlisten } = await (client as Sql).listen(channel, deliver);
  return () => unlisten();
}
