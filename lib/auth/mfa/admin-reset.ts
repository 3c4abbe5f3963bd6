import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mfaChallenges, mfaRecoveryCodes, passkeys, totpCredentials, users } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueAccountMail } from "@/lib/email/account-mail";
import { mfaResetMail } from "@/lib/users/account-mail-content";
import type { Actor } from "../policy";
import { mfaStatusOf } from "./status";

/**
 * An admin removes every second factor of a user who lost its device: the
 * authenticator, the recovery codes, the passkeys and any sign-in under way.
 * The user can then sign in with its password and set MFA up again; it is
 * told by email, and the reset is audited with what was removed.
 */
export async function resetUserMfa(tx: DbOrTx, actor: Actor, userId: string, ip?: string) {
  const [user] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, userId)).for("update");
  if (!user) fail("That user does not exist.");
  const before = await mfaStatusOf(tx, userId);
  if (!before.enabled && before.recoveryCodesLeft === 0) fail("This user has no two-step verification to reset.");
  await tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.delete(passkeys).where(eq(passkeys.userId, userId));
  await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
  await queueAccountMail(tx, userId, mfaResetMail(user));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "mfa.admin_reset",
    entityType: "user",
    entityId: userId,
    before: { totp: before.totpEnabled, passkeys: before.passkeyCount, recoveryCodesLeft: before.recoveryCodesLeft },
    ip,
  });
  return { userId };
}
