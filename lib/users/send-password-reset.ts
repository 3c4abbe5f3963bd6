import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { queueAccountMail } from "@/lib/email/account-mail";
import { countHit, readLimit } from "@/lib/security/rate-counter";
import { absoluteUrl } from "@/lib/site/config";
import { invitationMail, passwordResetMail } from "./account-mail-content";
import { issueAccountToken } from "./account-tokens";
import { isInvited } from "./invited";

export const accountLinkWindowMs = 60 * 60 * 1000;
export const accountLinkLimit = (env: Record<string, string | undefined> = process.env) =>
  readLimit(env, "ACCOUNT_LINK_LIMIT_PER_HOUR", 5);

export interface SentAccountLink {
  kind: "invitation" | "password_reset";
  /** The link, absolute; shown to the admin once and emailed. */
  link: string;
  expiresAt: Date;
}

/**
 * An admin sends a user a link to set a new password. Someone who never
 * accepted the invitation gets a fresh invitation instead (voiding the old
 * one): to them a "reset" of a password they never had would read oddly.
 */
export async function sendPasswordReset(tx: DbOrTx, actor: Actor, userId: string): Promise<SentAccountLink> {
  const [user] = await tx
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      anonymizedAt: users.anonymizedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user) fail("That user does not exist.");
  if (user.anonymizedAt) fail("This account was anonymised; there is nobody to send a link to.");
  if (!user.isActive) fail("This account is deactivated. Reactivate it before sending a link.");

  // At most a few mails an hour to one person, whoever clicks "send": counted in
  // the transaction, so a refused send (rolled back) leaves the count as it was
  // and parallel sends wait on the counter's row.
  const sends = await countHit(tx, [{ bucket: `account-link:user:${userId}`, limit: accountLinkLimit(), windowMs: accountLinkWindowMs }]);
  if (sends.limited) {
    const minutes = Math.ceil(sends.retryAfterMs / 60_000);
    fail(`Enough links were sent to this person for now. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }

  const kind = isInvited(user.passwordHash) ? "invitation" : "password_reset";
  const issued = await issueAccountToken(tx, { userId, purpose: kind, createdById: actor.id });
  await queueAccountMail(tx, userId, kind === "invitation" ? invitationMail(user, issued.path) : passwordResetMail(user, issued.path));
  await recordAudit(tx, {
    actorId: actor.id,
    action: kind === "invitation" ? "user.invitation_resent" : "user.password_reset_sent",
    entityType: "user",
    entityId: userId,
    after: { expiresAt: issued.expiresAt.toISOString() },
  });
  return { kind, link: absoluteUrl(issued.path), expiresAt: issued.expiresAt };
}
