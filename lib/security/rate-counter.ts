import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rateCounters } from "@/db/schema";

// The one counter behind every throttle and rate limit. A hit is counted and
// its new count returned by a single INSERT … ON CONFLICT DO UPDATE, which
// takes the bucket's row lock: N parallel hits get the counts 1..N, so at most
// `limit` of them are allowed, on every server process at once. A window
// starts with the bucket's first hit and lasts `windowMs`; the first hit after
// it ends starts a new one.

export interface CounterHit {
  /** Names the limit and whom it counts, e.g. "sign-in:ip:198.51.100.7". */
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface BucketCount {
  bucket: string;
  limit: number;
  count: number;
  windowEndsAt: Date;
}

export interface CounterVerdict {
  /** True when any bucket went over its limit with this hit. */
  limited: boolean;
  /** Until the latest of the over-limit windows ends (at least one second); 0 when not limited. */
  retryAfterMs: number;
  buckets: BucketCount[];
  /** The bucket with the fewest hits left, for RateLimit headers. */
  tightest: { limit: number; remaining: number };
}

export const maxBucketLength = 200;

export function readLimit(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Counts one hit against every bucket in one statement and says whether any
 * is over its limit. Hits over the limit are counted too (the window does not
 * move), so hammering stays limited until the window ends. Pass the caller's
 * transaction when the hit must vanish with it (a refused send rolled back);
 * pass `db` when the hit must stay whatever happens next.
 */
export async function countHit(db: DbOrTx, hits: readonly CounterHit[], now = new Date()): Promise<CounterVerdict> {
  // One row per bucket (ON CONFLICT may touch a row only once per statement),
  // in a fixed order so two statements never wait on each other's rows.
  const byBucket = new Map<string, CounterHit>();
  for (const hit of hits) byBucket.set(hit.bucket.slice(0, maxBucketLength), { ...hit, bucket: hit.bucket.slice(0, maxBucketLength) });
  const ordered = [...byBucket.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
  if (ordered.length === 0) return { limited: false, retryAfterMs: 0, buckets: [], tightest: { limit: Infinity, remaining: Infinity } };

  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${rateCounters.windowEndsAt} <= ${at}`;
  const rows = await db
    .insert(rateCounters)
    .values(ordered.map(({ bucket, windowMs }) => ({ bucket, count: 1, windowEndsAt: new Date(now.getTime() + windowMs) })))
    .onConflictDoUpdate({
      target: rateCounters.bucket,
      set: {
        count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateCounters.count} + 1 END`,
        windowEndsAt: sql`CASE WHEN ${expired} THEN excluded.window_ends_at ELSE ${rateCounters.windowEndsAt} END`,
      },
    })
    .returning({ bucket: rateCounters.bucket, count: rateCounters.count, windowEndsAt: rateCounters.windowEndsAt });

  const buckets: BucketCount[] = ordered.map(({ bucket, limit }) => {
    const row = rows.find((r) => r.bucket === bucket)!;
    return { bucket, limit, count: row.count, windowEndsAt: new Date(row.windowEndsAt) };
  });
  let retryAfterMs = 0;
  let tightest = { limit: Infinity, remaining: Infinity };
  for (const { limit, count, windowEndsAt } of buckets) {
    if (count > limit) retryAfterMs = Math.max(retryAfterMs, windowEndsAt.getTime() - now.getTime(), 1000);
    const remaining = Math.max(0, limit - count);
    if (remaining < tightest.remaining) tightest = { limit, remaining };
  }
  return { limited: retryAfterMs > 0, retryAfterMs, buckets, tightest };
}

/** Takes back one hit from a bucket's window (the one it was counted in), e.g. a sign-in that succeeded. */
export async function refundHit(db: DbOrTx, { bucket, windowEndsAt }: Pick<BucketCount, "bucket" | "windowEndsAt">) {
  await db
    .update(rateCounters)
    .set({ count: sql`greatest(${rateCounters.count} - 1, 0)` })
    .where(and(eq(rateCounters.bucket, bucket.slice(0, maxBucketLength)), eq(rateCounters.windowEndsAt, windowEndsAt)));
}

/** Forgets buckets entirely (a success that forgives earlier failures, an anonymised account). */
export async function clearBuckets(db: DbOrTx, buckets: readonly string[]) {
  if (buckets.length === 0) return;
  await db.delete(rateCounters).where(
    inArray(
      rateCounters.bucket,
      buckets.map((bucket) => bucket.slice(0, maxBucketLength)),
    ),
  );
}

/** Forgets every bucket that starts with the prefix (all of one user's enrolment-key buckets). */
export async function clearBucketsWithPrefix(db: DbOrTx, prefix: string) {
  const escaped = prefix.replace(/[\\%_]/g, (char) => `\\${char}`);
  await db.delete(rateCounters).where(sql`${rateCounters.bucket} LIKE ${`${escaped}%`}`);
}

/** Windows that ended count for nothing; the worker's housekeeping clears them. */
export async function deleteEndedWindows(db: DbOrTx, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(rateCounters)
    .where(lt(rateCounters.windowEndsAt, now))
    .returning({ bucket: rateCounters.bucket });
  return deleted.length;
}
