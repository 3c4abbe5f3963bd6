import { verifyAuthenticationResponse, type AuthenticatorTransportFuture } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passkeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { RelyingParty } from "./relying-party";
import type { AuthenticationResponse } from "./schemas";

export type AssertionCheck = { ok: true; passkeyId: string } | { ok: false; reason: "unknown" | "invalid" | "counter" };

/**
 * Checks a signed answer from an authenticator against one of `userId`'s
 * passkeys (ownership in the WHERE: another user's passkey is as unknown as
 * none) and the challenge the server issued. On success the signature counter,
 * backup state and last use are stored. A counter that did not grow, from an
 * authenticator that counts, means a cloned key: refused and audited.
 */
export async function checkPasskeyAssertion(
  tx: DbOrTx,
  {
    response,
    userId,
    expectedChallenge,
    rp,
    requireUserVerification,
    ip,
  }: { response: AuthenticationResponse; userId: string; expectedChallenge: string; rp: RelyingParty; requireUserVerification: boolean; ip: string },
): Promise<AssertionCheck> {
  const [stored] = await tx
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.credentialId, response.id), eq(passkeys.userId, userId)))
    .for("update");
  if (!stored) return { ok: false, reason: "unknown" };
  // userHandle, when sent, names the account the credential was made for.
  if (response.response.userHandle && response.response.userHandle !== Buffer.from(userId).toString("base64url")) {
    return { ok: false, reason: "invalid" };
  }
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]["response"],
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification,
      credential: {
        id: stored.credentialId,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")),
        counter: stored.counter,
        transports: stored.transports as AuthenticatorTransportFuture[],
      },
    });
  } catch (error) {
    if (error instanceof Error && /counter value/i.test(error.message)) {
      await recordAudit(tx, {
        actorId: userId,
        action: "mfa.passkey_counter_regression",
        entityType: "user",
        entityId: userId,
        after: { passkeyId: stored.id, storedCounter: stored.counter },
        ip,
      });
      return { ok: false, reason: "counter" };
    }
    return { ok: false, reason: "invalid" };
  }
  if (!verification.verified) return { ok: false, reason: "invalid" };
  const info = verification.authenticationInfo;
  await tx
    .update(passkeys)
    .set({ counter: info.newCounter, backedUp: info.credentialBackedUp, deviceType: info.credentialDeviceType, lastUsedAt: new Date() })
    .where(eq(passkeys.id, stored.id));
  return { ok: true, passkeyId: stored.id };
}
