import { createHash, timingSafeEqual } from "node:crypto";
import { and, count, eq, gte, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollmentKeyFailures } from "@/db/schema";

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

export async function isKeyThrottled(db: DbOrTx, userId: string, courseId: string, now = new Date()) {
  const [row] = await db
    .select({ failures: count() })
    .from(enrollmentKeyFailures)
    .where(
      and(
        eq(enrollmentKeyFailures.userId, userId),
        eq(enrollmentKeyFailures.courseId, courseId),
        gte(enrollmentKeyFailures.createdAt, new Date(now.getTime() - keyThrottleWindowMs)),
      ),
    );
  return (row?.failures ?? 0) >= maxKeyFailures;
}

export async function recordKeyFailure(db: DbOrTx, userId: string, courseId: string, now = new Date()) {
  await db.insert(enrollmentKeyFailures).values({ userId, courseId, createdAt: now });
  await db
    .delete(enrollmentKeyFailures)
    .where(lt(enrollmentKeyFailures.createdAt, new Date(now.getTime() - 2 * keyThrottleWindowMs)));
}
