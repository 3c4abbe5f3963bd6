import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiIdempotencyKeys } from "@/db/schema";

// A creating request (enrol, start an attempt, submit) sent with an
// Idempotency-Key is done once. The key is claimed inside the request's own
// transaction: a concurrent retry waits on the key's row until the first
// commits, then reads its answer; if the first fails and rolls back, the
// claim goes with it and the retry acts.

export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;
/** Keys are kept a day: long enough for any client's retries. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000;

export const requestHashOf = (body: string) => createHash("sha256").update(body).digest("hex");

export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; statusCode: number; responseBody: unknown }
  | { kind: "mismatch" };

export async function claimIdempotencyKey(
  tx: DbOrTx,
  claim: { userId: string; key: string; operation: string; requestHash: string },
  now = new Date(),
): Promise<Claim> {
  // A key older than its lifetime is forgotten before it is claimed again.
  await tx
    .delete(apiIdempotencyKeys)
    .where(
      and(
        eq(apiIdempotencyKeys.userId, claim.userId),
        eq(apiIdempotencyKeys.key, claim.key),
        lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - idempotencyKeyLifetimeMs)),
      ),
    );
  const inserted = await tx
    .insert(apiIdempotencyKeys)
    .values({ ...claim, statusCode: 0, responseBody: {}, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: apiIdempotencyKeys.key });
  if (inserted.length > 0) return { kind: "claimed" };
  const [stored] = await tx
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.userId, claim.userId), eq(apiIdempotencyKeys.key, claim.key)));
  if (!stored || stored.operation !== claim.operation || stored.requestHash !== claim.requestHash) return { kind: "mismatch" };
  return { kind: "replay", statusCode: stored.statusCode, responseBody: stored.responseBody };
}

export async function storeIdempotentResponse(
  tx: DbOrTx,
  key: { userId: string; key: string },
  statusCode: number,
  responseBody: unknown,
): Promise<void> {
  await tx
    .update(apiIdempotencyKeys)
    .set({ statusCode, responseBody })
    .where(and(eq(apiIdempotencyKeys.userId, key.userId), eq(apiIdempotencyKeys.key, key.key)));
}

export async function deleteOldIdempotencyKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(apiIdempotencyKeys)
    .where(lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - idempotencyKeyLifetimeMs)))
    .returning({ key: apiIdempotencyKeys.key });
  return deleted.length;
}
