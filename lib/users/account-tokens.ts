import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { accountTokens, users, type AccountTokenPurpose } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/sessions/store";

// Single-use links that let a person set a password. The token travels only in
// the link; the table keeps its SHA-256, so reading the table opens nothing.

const hourMs = 60 * 60 * 1000;
export const tokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * hourMs,
  password_reset: 24 * hourMs,
};

export const expiredLinkMessage = "This link has expired or was already used.";

/** 32 random bytes in base64url: always 43 characters of this alphabet. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export const hashAccountToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const setPasswordPath = (token: string) => `/set-password/${token}`;

/** Where a person lands after setting a password; the sign-in page reads the flag. */
export const passwordSetSignInPath = "/sign-in?password=set";

export interface IssuedToken {
  token: string;
  /** The path of the set-password page for this token. */
  path: string;
  expiresAt: Date;
}

/**
 * Issues a new link of `purpose` for the user and voids the user's older
 * unused links of that purpose, so only the newest one works. The user's row
 * is locked first: two admins issuing at once cannot leave two live links.
 */
export async function issueAccountToken(
  tx: DbOrTx,
  { userId, purpose, createdById, now = new Date() }: { userId: string; purpose: AccountTokenPurpose; createdById: string | null; now?: Date },
): Promise<IssuedToken> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + tokenLifetimeMs[purpose]);
  await tx.insert(accountTokens).values({ userId, purpose, tokenHash: hashAccountToken(token), expiresAt, createdById });
  return { token, path: setPasswordPath(token), expiresAt };
}

/** A link's owner while the link still works: unused, unexpired, account active and not anonymised. */
export async function findUsableAccountToken(db: DbOrTx, token: string, now = new Date()) {
  if (!tokenShape.test(token)) return null;
  const [row] = await db
    .select({ purpose: accountTokens.purpose, email: users.email, username: users.username, displayName: users.displayName })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
        eq(users.isActive, true),
        isNull(users.anonymizedAt),
      ),
    );
  return row ?? null;
}

const auditActionOf: Record<AccountTokenPurpose, string> = {
  invitation: "user.invitation_accepted",
  password_reset: "user.password_reset",
};

/**
 * Sets the user's password through a link, in the caller's transaction. The
 * token's row is locked (FOR UPDATE), so two submissions of one link cannot
 * both succeed: the second waits, then finds it used. Any miss (unknown, used,
 * expired, account closed) is the same refusal, revealing nothing. Success
 * ends every session the account had (whoever asked for a reset may not be the
 * only one who knew the old password) and voids every other unused link of the user.
 */
export async function consumeAccountToken(
  tx: DbOrTx,
  { token, password, ip = null, now = new Date() }: { token: string; password: string; ip?: string | null; now?: Date },
): Promise<{ userId: string; purpose: AccountTokenPurpose }> {
  if (!tokenShape.test(token)) fail(expiredLinkMessage);
  const [row] = await tx
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      purpose: accountTokens.purpose,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
      isActive: users.isActive,
      anonymizedAt: users.anonymizedAt,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashAccountToken(token)))
    .for("update", { of: accountTokens });
  if (!row || row.usedAt !== null || row.expiresAt.getTime() <= now.getTime() || !row.isActive || row.anonymizedAt !== null) {
    fail(expiredLinkMessage);
  }
  // The same rule as registration; the link stays usable for a better password.
  if (isCommonPassword(password)) {
    fail("Some fields need your attention.", { password: ["This password is too common. Choose one that is harder to guess."] });
  }

  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, row.userId));
  await endUserSessions(tx, row.userId, { now });
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, row.userId), isNull(accountTokens.usedAt)));
  await recordAudit(tx, {
    actorId: row.userId,
    action: auditActionOf[row.purpose],
    entityType: "user",
    entityId: row.userId,
    after: { tokenId: row.id },
    ip,
  });
  return { userId: row.userId, purpose: row.purpose };
}
