import type { DbOrTx } from "@/db";
import { countHit, readLimit } from "./rate-counter";

// Per-user limits on work that costs the server more than an ordinary click
// (rendering Markdown, building a CSV of a whole report). Each limit's number
// comes from its environment variable, read on every call as the API's do.

export interface CostlyLimit {
  /** Names the counter; every action or route sharing it shares the budget. */
  bucket: string;
  /** The environment variable that overrides `perMinute`. */
  envVar: string;
  perMinute: number;
}

export const costlyLimits = {
  markdownPreview: { bucket: "markdown-preview", envVar: "RATE_LIMIT_MARKDOWN_PREVIEW_PER_MINUTE", perMinute: 30 },
  csvExport: { bucket: "csv-export", envVar: "RATE_LIMIT_EXPORT_PER_MINUTE", perMinute: 10 },
} as const satisfies Record<string, CostlyLimit>;

export const tooManyRequestsMessage = (retryAfterSeconds: number) =>
  `Too many requests, try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;

export type CostlyVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

/** Counts one use of a costly thing by the user; over the limit, says how long to wait. */
export async function countCostlyUse(
  db: DbOrTx,
  limit: CostlyLimit,
  userId: string,
  env: Record<string, string | undefined> = process.env,
  now = new Date(),
): Promise<CostlyVerdict> {
  const perMinute = readLimit(env, limit.envVar, limit.perMinute);
  const verdict = await countHit(db, [{ bucket: `action:${limit.bucket}:user:${userId}`, limit: perMinute, windowMs: 60_000 }], now);
  if (!verdict.limited) return { allowed: true };
  const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return { allowed: false, retryAfterSeconds, message: tooManyRequestsMessage(retryAfterSeconds) };
}

/** The answer of a route handler (a CSV export) over its limit: 429 with Retry-After, no work done. */
export function tooManyRequestsResponse(verdict: Extract<CostlyVerdict, { allowed: false }>): Response {
  return new Response(verdict.message, {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
