import type { DbOrTx } from "@/db";
import { countHit, readLimit } from "@/lib/security/rate-counter";

// One-minute windows counted in the database (lib/security/rate-counter.ts),
// so every server process shares the count. Limits are read per request so an
// operator (or a test) can change them with an environment variable.

export const rateLimitWindowSeconds = 60;

export function rateLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perToken: readLimit(env, "API_RATE_LIMIT_PER_TOKEN", 300),
    perIp: readLimit(env, "API_RATE_LIMIT_PER_IP", 600),
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
 * Counts one request against each bucket (one atomic statement) and says
 * whether any bucket is over its limit. Requests over the limit are counted
 * too, so a client hammering the API stays limited until the window ends.
 */
export async function countRequest(
  db: DbOrTx,
  buckets: readonly { bucket: string; limit: number }[],
  now = new Date(),
): Promise<RateLimitVerdict> {
  const windowMs = rateLimitWindowSeconds * 1000;
  const verdict = await countHit(
    db,
    buckets.map(({ bucket, limit }) => ({ bucket: `api:${bucket}`, limit, windowMs })),
    now,
  );
  const windowEnds = Math.max(...verdict.buckets.map((counted) => counted.windowEndsAt.getTime()));
  const retryAfter = Math.max(1, Math.ceil((verdict.limited ? verdict.retryAfterMs : windowEnds - now.getTime()) / 1000));
  return { limited: verdict.limited, retryAfter, limit: verdict.tightest.limit, remaining: verdict.tightest.remaining };
}
