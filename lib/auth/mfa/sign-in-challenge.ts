import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mfaChallenges } from "@/db/schema";

// The second sign-in step's ticket: issued after a correct password, bound to
// the user, good for five minutes and one success, and burnt after five wrong
// codes (the per-account limit applies on top). The browser holds the token;
// the database keeps only its SHA-256.
export const signInChallengeLifetimeMs = 5 * 60 * 1000;
export const maxFailuresPerChallenge = 5;

const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function issueSignInChallenge(tx: DbOrTx, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // Keep the table small: expired challenges serve no one.
  await tx.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, now));
  await tx.insert(mfaChallenges).values({
    purpose: "sign_in",
    userId,
    challenge: hashOf(token),
    expiresAt: new Date(now.getTime() + signInChallengeLifetimeMs),
  });
  return token;
}

export interface OpenSignInChallenge {
  id: string;
  userId: string;
  failures: number;
  webauthnChallenge: string | null;
}

/** The live challenge for a token, locked for the rest of the transaction; null when unknown, used or expired. */
export async function findSignInChallenge(tx: DbOrTx, token: string, now = new Date()): Promise<OpenSignInChallenge | null> {
  if (!token || token.length > 100) return null;
  const [row] = await tx
    .select({ id: mfaChallenges.id, userId: mfaChallenges.userId, failures: mfaChallenges.failures, webauthnChallenge: mfaChallenges.webauthnChallenge })
    .from(mfaChallenges)
    .where(
      and(
        eq(mfaChallenges.challenge, hashOf(token)),
        eq(mfaChallenges.purpose, "sign_in"),
        isNull(mfaChallenges.usedAt),
        gt(mfaChallenges.expiresAt, now),
      ),
    )
    .for("update");
  return row?.userId ? { ...row, userId: row.userId } : null;
}

/** Counts a wrong code; the fifth one ends the challenge. */
export async function recordChallengeFailure(tx: DbOrTx, challenge: OpenSignInChallenge, now = new Date()) {
  const failures = challenge.failures + 1;
  await tx
    .update(mfaChallenges)
    .set({ failures, usedAt: failures >= maxFailuresPerChallenge ? now : null })
    .where(eq(mfaChallenges.id, challenge.id));
}

export async function useUpChallenge(tx: DbOrTx, challengeId: string, now = new Date()) {
  await tx.update(mfaChallenges).set({ usedAt: now }).where(eq(mfaChallenges.id, challengeId));
}

export async function attachWebauthnChallenge(tx: DbOrTx, challengeId: string, webauthnChallenge: string) {
  await tx.update(mfaChallenges).set({ webauthnChallenge }).where(eq(mfaChallenges.id, challengeId));
}

/** The user a token was issued for, whatever its state (for the redirect after success). */
export async function challengeOwner(tx: DbOrTx, token: string): Promise<string | null> {
  const [row] = await tx.select({ userId: mfaChallenges.userId }).from(mfaChallenges).where(eq(mfaChallenges.challenge, hashOf(token)));
  return row?.userId ?? null;
}
