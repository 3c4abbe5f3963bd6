import { createHash } from "node:crypto";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db";
import { passkeys, users } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { countHit } from "@/lib/security/rate-counter";
import { throttledMessage, type AuthenticationResult } from "../authenticate";
import { forgiveSignIn, reserveAttempt, signInAccountBucket, signInIpBucket, throttleWindowMs } from "../throttle";
import { checkPasskeyAssertion } from "./assertion";
import { challengeBytes, challengeInClientData, consumePasskeyChallenge, issuePasskeyChallenge } from "./challenges";
import type { RelyingParty } from "./relying-party";
import type { AuthenticationResponse } from "./schemas";

// Challenges for a passwordless sign-in are asked for before anyone is known,
// so they are limited per client address (a school shares one address).
export const maxPasskeyOptionsPerIp = 300;

export const passkeyRefusedMessage = "That passkey was not accepted. Try again, or sign in with your email and password.";

/** Options for "Sign in with a passkey": any discoverable credential of this site, user verification required. */
export async function startPasskeySignIn(tx: DbOrTx, { rp, ip }: { rp: RelyingParty; ip: string }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const verdict = await countHit(tx, [{ bucket: `passkey-options:ip:${ip}`, limit: maxPasskeyOptionsPerIp, windowMs: throttleWindowMs }]);
  if (verdict.limited) fail(throttledMessage(verdict.retryAfterMs));
  const challenge = await issuePasskeyChallenge(tx, "passkey_sign_in", null);
  return generateAuthenticationOptions({ rpID: rp.rpID, challenge: challengeBytes(challenge), userVerification: "required", allowCredentials: [] });
}

/** An unknown credential still gets an account bucket of its own, so guessing costs the same. */
const unknownCredentialBucket = (credentialId: string) =>
  `sign-in:account:passkey:${createHash("sha256").update(credentialId).digest("hex")}`;

/**
 * A passwordless sign-in: the passkey names its user, proves possession and
 * (user verification) the person's PIN or biometric, so it stands for both
 * factors. It is held to everything a password sign-in is: the per-account and
 * per-address throttle, the challenge (single use), the deactivated check and
 * the audit log. The session is then made by next-auth's callback, as for a password.
 */
export async function authenticateWithPasskey(
  db: Database,
  { response, rp, ip }: { response: AuthenticationResponse; rp: RelyingParty; ip: string },
): Promise<Exclude<AuthenticationResult, { reason: "mfa_required" }>> {
  const [owner] = await db
    .select({ id: users.id, email: users.email, isActive: users.isActive, sessionVersion: users.sessionVersion })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.credentialId, response.id))
    .limit(1);

  const throttle = await reserveAttempt(db, {
    account: owner ? signInAccountBucket(owner.email) : unknownCredentialBucket(response.id),
    address: signInIpBucket(ip),
  });
  if (throttle.blocked) {
    await recordAudit(db, { actorId: null, action: "auth.sign_in_throttled", entityType: "user", entityId: owner?.id ?? null, after: { method: "passkey" }, ip });
    return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };
  }

  return db.transaction(async (tx) => {
    const challenge = challengeInClientData(response.response.clientDataJSON);
    const live = challenge !== null && (await consumePasskeyChallenge(tx, { purpose: "passkey_sign_in", challenge, userId: null }));
    const check =
      live && owner
        ? await checkPasskeyAssertion(tx, { response, userId: owner.id, expectedChallenge: challenge, rp, requireUserVerification: true, ip })
        : null;
    if (!owner || !check?.ok) {
      await recordAudit(tx, {
        actorId: owner?.id ?? null,
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: owner?.id ?? null,
        after: { method: "passkey", reason: !owner ? "unknown_passkey" : !live ? "challenge" : (check?.ok === false ? check.reason : "invalid") },
        ip,
      });
      return { ok: false, reason: "invalid" } as const;
    }
    if (!owner.isActive) {
      await recordAudit(tx, { actorId: owner.id, action: "auth.sign_in_refused_inactive", entityType: "user", entityId: owner.id, ip });
      return { ok: false, reason: "inactive" } as const;
    }
    await forgiveSignIn(tx, throttle);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, owner.id));
    await recordAudit(tx, {
      actorId: owner.id,
      action: "auth.sign_in",
      entityType: "user",
      entityId: owner.id,
      after: { method: "passkey", passkeyId: check.passkeyId },
      ip,
    });
    return { ok: true, user: { id: owner.id, email: owner.email, sessionVersion: owner.sessionVersion } } as const;
  });
}
