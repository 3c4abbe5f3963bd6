import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mfaChallenges } from "@/db/schema";

// WebAuthn challenges are made and kept here, never trusted from the browser:
// 32 random bytes, good for five minutes and one use. A registration's is bound
// to the user; a passwordless sign-in's to nobody (the passkey names the user).
export const passkeyChallengeLifetimeMs = 5 * 60 * 1000;

type Purpose = "passkey_registration" | "passkey_sign_in";

export const newWebauthnChallenge = () => randomBytes(32).toString("base64url");

export async function issuePasskeyChallenge(tx: DbOrTx, purpose: Purpose, userId: string | null, now = new Date()): Promise<string> {
  const challenge = newWebauthnChallenge();
  await tx.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, now));
  // One registration under way per user: starting again replaces the last.
  if (userId) await tx.delete(mfaChallenges).where(and(eq(mfaChallenges.purpose, purpose), eq(mfaChallenges.userId, userId)));
  await tx.insert(mfaChallenges).values({
    purpose,
    userId,
    challenge,
    expiresAt: new Date(now.getTime() + passkeyChallengeLifetimeMs),
  });
  return challenge;
}

/**
 * Uses up a challenge the server issued. The update is the check: of two
 * requests carrying one challenge only one finds it unused. Answers whether it was live.
 */
export async function consumePasskeyChallenge(
  tx: DbOrTx,
  { purpose, challenge, userId }: { purpose: Purpose; challenge: string; userId: string | null },
  now = new Date(),
): Promise<boolean> {
  if (!challenge || challenge.length > 128) return false;
  const used = await tx
    .update(mfaChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(mfaChallenges.purpose, purpose),
        eq(mfaChallenges.challenge, challenge),
        userId ? eq(mfaChallenges.userId, userId) : isNull(mfaChallenges.userId),
        isNull(mfaChallenges.usedAt),
        gt(mfaChallenges.expiresAt, now),
      ),
    )
    .returning({ id: mfaChallenges.id });
  return used.length > 0;
}

/** The challenge an authenticator signed, read from its client data; verification then compares it again. */
export function challengeInClientData(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === "string" && challenge.length <= 128 ? challenge : null;
  } catch {
    return null;
  }
}

/** The second step's WebAuthn challenge is good for one answer: cleared before that answer is checked. */
export async function clearSecondStepWebauthnChallenge(tx: DbOrTx, signInChallengeId: string) {
  await tx.update(mfaChallenges).set({ webauthnChallenge: null }).where(eq(mfaChallenges.id, signInChallengeId));
}

/** The library takes a challenge as bytes (a string would be taken as UTF-8 and encoded again). */
export const challengeBytes = (challenge: string) => new Uint8Array(Buffer.from(challenge, "base64url"));
