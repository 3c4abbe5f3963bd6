import { and, count, eq, gte, lt, min, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { signInFailures } from "@/db/schema";

// Limits on failed sign-ins, per account (the email typed) and per client address.
export const throttleWindowMs = 15 * 60 * 1000;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerIp = 30;

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterMs: number };

export async function checkSignInThrottle(
  db: DbOrTx,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<ThrottleState> {
  const since = new Date(now.getTime() - throttleWindowMs);
  const rows = await db
    .select({ scope: signInFailures.scope, failures: count(), oldest: min(signInFailures.createdAt) })
    .from(signInFailures)
    .where(
      and(
        or(
          and(eq(signInFailures.scope, "account"), eq(signInFailures.key, email)),
          and(eq(signInFailures.scope, "ip"), eq(signInFailures.key, ip)),
        ),
        gte(signInFailures.createdAt, since),
      ),
    )
    .groupBy(signInFailures.scope);
  let retryAfterMs = 0;
  for (const row of rows) {
    const limit = row.scope === "account" ? maxFailuresPerAccount : maxFailuresPerIp;
    if (row.failures >= limit && row.oldest) {
      const wait = new Date(row.oldest).getTime() + throttleWindowMs - now.getTime();
      retryAfterMs = Math.max(retryAfterMs, wait, 1000);
    }
  }
  return retryAfterMs > 0 ? { blocked: true, retryAfterMs } : { blocked: false };
}

export async function recordSignInFailure(db: DbOrTx, { email, ip }: { email: string; ip: string }, now = new Date()) {
  await db.insert(signInFailures).values([
    { scope: "account", key: email, createdAt: now },
    { scope: "ip", key: ip, createdAt: now },
  ]);
  // Keep the table small: rows older than the window no longer count.
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, new Date(now.getTime() - 2 * throttleWindowMs)));
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(db: DbOrTx, email: string) {
  await db.delete(signInFailures).where(and(eq(signInFailures.scope, "account"), eq(signInFailures.key, email)));
}
