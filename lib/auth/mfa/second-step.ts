import { eq } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { signInAccountBucket } from "../throttle";
import { clearBuckets } from "@/lib/security/rate-counter";
import { forgiveMfaAttempt, reserveMfaAttempt } from "./limiter";
import { consumeRecoveryCode } from "./recovery-store";
import { findSignInChallenge, recordChallengeFailure, useUpChallenge, type OpenSignInChallenge } from "./sign-in-challenge";
import { spendTotpCode } from "./totp-store";

export type SecondFactor =
  | { method: "totp"; code: string }
  | { method: "recovery"; code: string }
  | { method: "passkey"; verify: (tx: DbOrTx, challenge: OpenSignInChallenge) => Promise<boolean> };

export type SecondStepResult =
  | { ok: true; user: { id: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "expired" | "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * The second sign-in step: the token from the first step plus a code from the
 * authenticator, a recovery code or a passkey. Only a success ends in a session;
 * each failure is counted (on the challenge and in the throttle) and audited.
 */
export async function completeSecondStep(
  db: Database,
  { token, factor, ip }: { token: string; factor: SecondFactor; ip: string },
): Promise<SecondStepResult> {
  return db.transaction(async (tx): Promise<SecondStepResult> => {
    const challenge = await findSignInChallenge(tx, token);
    if (!challenge) return { ok: false, reason: "expired" };
    const [user] = await tx
      .select({ id: users.id, email: users.email, isActive: users.isActive, sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.id, challenge.userId));
    if (!user?.isActive) return { ok: false, reason: "expired" };

    const throttle = await reserveMfaAttempt(tx, { subject: user.id, ip });
    if (throttle.blocked) {
      await recordAudit(tx, { actorId: user.id, action: "auth.mfa_throttled", entityType: "user", entityId: user.id, ip });
      return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };
    }

    const passed =
      factor.method === "totp"
        ? (await spendTotpCode(tx, user.id, factor.code)).ok
        : factor.method === "recovery"
          ? await consumeRecoveryCode(tx, user.id, factor.code)
          : await factor.verify(tx, challenge);

    if (!passed) {
      await recordChallengeFailure(tx, challenge);
      await recordAudit(tx, {
        actorId: user.id,
        action: "auth.mfa_failed",
        entityType: "user",
        entityId: user.id,
        after: { method: factor.method },
        ip,
      });
      return { ok: false, reason: "invalid" };
    }

    await useUpChallenge(tx, challenge.id);
    // Only now is the sign-in complete, so only now are earlier failures forgiven.
    await forgiveMfaAttempt(tx, throttle);
    await clearBuckets(tx, [signInAccountBucket(user.email)]);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    if (factor.method === "recovery") {
      await recordAudit(tx, { actorId: user.id, action: "mfa.recovery_code_used", entityType: "user", entityId: user.id, ip });
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { secondFactor: factor.method },
      ip,
    });
    return { ok: true, user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion } };
  });
}
