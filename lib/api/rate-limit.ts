import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiRateLimits } from "@/db/schema";

// Fixed one-minute windows counted in the database, so every server process
// shares the count. Limits are read per request so an operator (or a test)
// can change them with an environment variable.

export const rateLimitWindowSeconds = 60;

export function rateLimits(env: Record<string, string | undefined> = process.env) {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    perToken: read("API_RATE_LIMIT_PER_TOKEN", 300),
    perIp: read("API_RATE_LIMIT_PER_IP", 600),
  };
}

export interface RateLimitVerdict {
  limited: boolean;
  /** Seconds until the current window ends. */
  retryAfter: number;
  limit: number;
  remaining: number;
}

/**
 * Counts one request against each bucket (one statement) and says whether any
 * bucket is over its limit. Requests over the limit are counted too, so a
 * client hammering the API stays limited until the window ends.
 */
export async function countRequest(
  db: DbOrTx,
  buckets: readonly { bucket: string; limit: number }[],
  now = new Date(),
): Promise<RateLimitVerdict> {
  const windowMs = rateLimitWindowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db
    .insert(apiRateLimits)
    .values(buckets.map(({ bucket }) => ({ bucket: bucket.slice(0, 160), windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [apiRateLimits.bucket, apiRateLimits.windowStart],
      set: { count: sql`${apiRateLimits.count} + 1` },
    })
    .returning({ bucket: apiRateLimits.bucket, count: apiRateLimits.count });
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  let limited = false;
  let tightest = { limit: Infinity, remaining: Infinity };
  for (const { bucket, limit } of buckets) {
    const used = rows.find((row) => row.bucket === bucket.slice(0, 160))?.count ?? 0;
    if (used > limit) limited = true;
    const remaining = Math.max(0, limit - used);
    if (remaining < tightest.remaining) tightest = { limit, remaining };
  }
  return { limited, retryAfter, limit: tightest.limit, remaining: tightest.remaining };
}

/** Old windows are of no use; the worker clears them with the other housekeeping. */
export async function deleteOldRateLimitWindows(db: DbOrTx, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(apiRateLimits)
    .where(lt(apiRateLimits.windowStart, new Date(now.getTime() - 60 * 60 * 1000)))
    .returning({ bucket: apiRateLimits.bucket });
  return deleted.length;
}
