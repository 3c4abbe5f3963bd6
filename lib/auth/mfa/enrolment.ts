import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mfaRecoveryCodes, totpCredentials, users } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { siteName } from "@/lib/site/config";
import { throttledMessage } from "../authenticate";
import { verifyPassword } from "../password";
import type { Actor } from "../policy";
import { openTotpSecret, sealTotpSecret } from "./keys";
import { forgiveMfaAttempt, reserveMfaAttempt } from "./limiter";
import { replaceRecoveryCodes } from "./recovery-store";
import { mfaStatusOf } from "./status";
import { checkTotpCode, newTotpSecret, totpUri } from "./totp";
import { spendTotpCode } from "./totp-store";

interface Who extends Actor {
  email: string;
}

/** A refusal whose failed attempt must be kept (it counts towards the limit). */
export type Refused = { ok: false; field: string; message: string };

/**
 * Starts (or restarts) setting up an authenticator app: a new secret, kept
 * unconfirmed until the user proves the app works. Answers with the secret
 * and its otpauth:// address, for the QR code; nothing else ever reads them back.
 */
export async function startTotpEnrolment(tx: DbOrTx, user: Who): Promise<{ secret: string; uri: string }> {
  const [existing] = await tx
    .select({ confirmedAt: totpCredentials.confirmedAt })
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, user.id))
    .for("update");
  if (existing?.confirmedAt) fail("An authenticator app is already set up. Turn it off first to set up another.");
  const secret = newTotpSecret();
  const secretEncrypted = sealTotpSecret(secret);
  await tx
    .insert(totpCredentials)
    .values({ userId: user.id, secretEncrypted })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secretEncrypted, confirmedAt: null, lastUsedStep: null } });
  return { secret, uri: totpUri({ issuer: siteName(), accountName: user.email, secret }) };
}

/** Reserves one try (refusing when over the limit); a right code forgives it with forgiveMfaAttempt. */
async function refuseIfThrottled(tx: DbOrTx, user: Who, ip: string) {
  const throttle = await reserveMfaAttempt(tx, { subject: user.id, ip });
  if (throttle.blocked) fail(throttledMessage(throttle.retryAfterMs));
  return throttle;
}

async function recordWrongCode(tx: DbOrTx, user: Who, ip: string, during: string) {
  await recordAudit(tx, { actorId: user.id, action: "mfa.verification_failed", entityType: "user", entityId: user.id, after: { during }, ip });
}

/** Switches the authenticator on once a code from it checks out; answers with the first recovery codes. */
export async function confirmTotpEnrolment(
  tx: DbOrTx,
  user: Who,
  { code, ip }: { code: string; ip: string },
): Promise<{ ok: true; recoveryCodes: string[] } | Refused> {
  const attempt = await refuseIfThrottled(tx, user, ip);
  const [pending] = await tx
    .select({ secretEncrypted: totpCredentials.secretEncrypted, confirmedAt: totpCredentials.confirmedAt })
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, user.id))
    .for("update");
  if (!pending) fail("Start the set-up again: scan a new QR code.");
  if (pending.confirmedAt) fail("Your authenticator app is already set up.");
  const check = await checkTotpCode({ secret: openTotpSecret(pending.secretEncrypted), code, lastUsedStep: null });
  if (!check.ok) {
    await recordWrongCode(tx, user, ip, "totp_enrolment");
    return { ok: false, field: "code", message: "That code is not right. Check the app's clock and enter the code it shows now." };
  }
  await forgiveMfaAttempt(tx, attempt);
  await tx
    .update(totpCredentials)
    .set({ confirmedAt: new Date(), lastUsedStep: check.step })
    .where(eq(totpCredentials.userId, user.id));
  const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
  await recordAudit(tx, { actorId: user.id, action: "mfa.totp_enabled", entityType: "user", entityId: user.id, ip });
  return { ok: true, recoveryCodes };
}

/**
 * Proves a signed-in person is the account's owner before a change to its
 * second factors: a current authenticator code, or else the password.
 */
export async function verifyOwner(tx: DbOrTx, user: Who, { proof, ip, during }: { proof: string; ip: string; during: string }) {
  const attempt = await refuseIfThrottled(tx, user, ip);
  const trimmed = proof.trim();
  let proven = false;
  if (/^\d{6}$/.test(trimmed.replace(/\s+/g, ""))) {
    proven = (await spendTotpCode(tx, user.id, trimmed)).ok;
  } else {
    const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    proven = row ? await verifyPassword(row.passwordHash, proof) : false;
  }
  if (proven) await forgiveMfaAttempt(tx, attempt);
  else await recordWrongCode(tx, user, ip, during);
  return proven;
}

export const wrongProof: Refused = { ok: false, field: "proof", message: "That is neither a current code from your app nor your password." };

/** Turns the authenticator off. Recovery codes go too unless a passkey still protects the account. */
export async function disableTotp(tx: DbOrTx, user: Who, { proof, ip }: { proof: string; ip: string }): Promise<{ ok: true } | Refused> {
  const status = await mfaStatusOf(tx, user.id);
  if (!status.totpEnabled) fail("No authenticator app is set up.");
  if (!(await verifyOwner(tx, user, { proof, ip, during: "totp_disable" }))) return wrongProof;
  await tx.delete(totpCredentials).where(eq(totpCredentials.userId, user.id));
  if (status.passkeyCount === 0) await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
  await recordAudit(tx, { actorId: user.id, action: "mfa.totp_disabled", entityType: "user", entityId: user.id, ip });
  return { ok: true };
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(
  tx: DbOrTx,
  user: Who,
  { proof, ip }: { proof: string; ip: string },
): Promise<{ ok: true; recoveryCodes: string[] } | Refused> {
  const status = await mfaStatusOf(tx, user.id);
  if (!status.enabled) fail("Turn on two-step verification first.");
  if (!(await verifyOwner(tx, user, { proof, ip, during: "recovery_regenerate" }))) return wrongProof;
  const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
  await recordAudit(tx, { actorId: user.id, action: "mfa.recovery_codes_regenerated", entityType: "user", entityId: user.id, ip });
  return { ok: true, recoveryCodes };
}

/** Recovery codes for a user whose only factors are passkeys, made with the first passkey. */
export async function ensureRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[] | null> {
  const [any] = await tx.select({ id: mfaRecoveryCodes.id }).from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)).limit(1);
  return any ? null : replaceRecoveryCodes(tx, userId);
}
