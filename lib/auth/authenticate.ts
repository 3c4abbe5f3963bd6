import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { issueSignInChallenge } from "./mfa/sign-in-challenge";
import { mfaStatusOf } from "./mfa/status";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { appMetrics } from "@/lib/metrics/registry.mjs";
import { forgiveSignIn, reserveSignInAttempt } from "./throttle";

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "mfa_required"; challenge: string; methods: SecondFactorMethods }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** What the second sign-in step may offer; a recovery code is always offered. */
export interface SecondFactorMethods {
  totp: boolean;
  passkey: boolean;
}

/**
 * Checks an email and password. Unknown emails and wrong passwords give the
 * same answer after the same work (a password hash verification), so the
 * response reveals nothing about which accounts exist.
 */
export async function authenticate(
  db: Database,
  { email, password, ip }: { email: string; password: string; ip: string },
): Promise<AuthenticationResult> {
  const normalizedEmail = email.trim().toLowerCase();
  // Counted before the password is checked, so parallel attempts cannot all slip under the limit.
  const throttle = await reserveSignInAttempt(db, { email: normalizedEmail, ip });
  if (throttle.blocked) {
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_throttled",
      entityType: "user",
      after: { email: normalizedEmail },
      ip,
    });
    appMetrics().signInFailed("throttled");
    return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizedEmail))
    .limit(1);

  const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !passwordMatches) {
    await recordAudit(db, {
      actorId: user?.id ?? null,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      after: { email: normalizedEmail },
      ip,
    });
    appMetrics().signInFailed("invalid");
    return { ok: false, reason: "invalid" };
  }

  if (!user.isActive) {
    await recordAudit(db, {
      actorId: user.id,
      action: "auth.sign_in_refused_inactive",
      entityType: "user",
      entityId: user.id,
      ip,
    });
    appMetrics().signInFailed("inactive");
    return { ok: false, reason: "inactive" };
  }

  const mfa = await mfaStatusOf(db, user.id);
  if (mfa.enabled) {
    // The password was right, but no session yet: the second step needs this
    // challenge. Earlier failures stay counted until the sign-in completes.
    const challenge = await db.transaction(async (tx) => {
      const token = await issueSignInChallenge(tx, user.id);
      await recordAudit(tx, { actorId: user.id, action: "auth.mfa_challenged", entityType: "user", entityId: user.id, ip });
      return token;
    });
    return { ok: false, reason: "mfa_required", challenge, methods: { totp: mfa.totpEnabled, passkey: mfa.passkeyCount > 0 } };
  }

  await db.transaction(async (tx) => {
    await forgiveSignIn(tx, throttle);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, ip });
  });
  return { ok: true, user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion } };
}

export function throttledMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const invalidCredentialsMessage = "The email or password is not correct.";
export const mfaExpiredMessage = "This sign-in has expired. Start again with your email and password.";
export const mfaInvalidMessage = "That code is not right. Try again, or use another way.";
export const inactiveAccountMessage = "This account is deactivated. Contact your administrator.";
