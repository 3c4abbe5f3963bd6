import { createHash, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "@/db";
import { clearBucketsWithPrefix, countHit } from "@/lib/security/rate-counter";

export const keyThrottleWindowMs = 15 * 60 * 1000;
export const maxKeyFailures = 5;

/**
 * Compares an enrolment key in constant time: both sides are hashed to the
 * same length first, so neither the length nor the first differing character
 * shows in the timing. Surrounding spaces are forgiven; case is not.
 */
export function enrollmentKeyMatches(expected: string, given: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value.trim(), "utf8").digest();
  return timingSafeEqual(digest(expected), digest(given));
}

const keyBucketPrefix = (userId: string) => `enrolment-key:${userId}:`;
export const enrollmentKeyBucket = (userId: string, courseId: string) => `${keyBucketPrefix(userId)}${courseId}`;

/**
 * Counts one key guess by the student for the course before the key is
 * compared, in one atomic statement, and says whether it is over the limit:
 * parallel guesses never get more than the limit of comparisons. Count it
 * with a transaction that commits even when the key is wrong.
 */
export async function reserveKeyGuess(db: DbOrTx, userId: string, courseId: string, now = new Date()) {
  const verdict = await countHit(db, [{ bucket: enrollmentKeyBucket(userId, courseId), limit: maxKeyFailures, windowMs: keyThrottleWindowMs }], now);
  return { throttled: verdict.limited, retryAfterMs: verdict.retryAfterMs };
}

/** An anonymised student's guesses are forgotten with the rest of the account. */
export async function clearKeyGuesses(db: DbOrTx, userId: string) {
  await clearBucketsWithPrefix(db, keyBucketPrefix(userId));
}
