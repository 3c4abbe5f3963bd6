import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session-user";
import { isoOrNull } from "./contract";
import { expiryOf, maxActiveTokens, type TokenLifetime } from "./token-schemas";

/** Every token starts with this, so secret scanners and people can recognise one. */
export const tokenPrefix = "jva_";
const tokenPattern = /^jva_[A-Za-z0-9_-]{43}$/;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ApiTokenView {
  id: string;
  name: string;
  /** e.g. "jva_Xk3f…": enough to tell tokens apart, useless to an attacker. */
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiToken extends ApiTokenView {
  /** The token itself: shown to its owner once, never stored. */
  token: string;
}

const activeCondition = (now: Date) =>
  and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));

/** Where and when a token is created or revoked, for the audit log. */
export interface TokenChangeContext {
  now?: Date;
  ip?: string | null;
}

/**
 * Creates a token for the actor, audited (its name and expiry, never the
 * token). The token itself is in the answer only: the database keeps its hash.
 */
export async function createApiToken(
  tx: DbOrTx,
  actor: Actor,
  input: { name: string; lifetime: TokenLifetime },
  { now = new Date(), ip = null }: TokenChangeContext = {},
): Promise<CreatedApiToken> {
  const [active] = await tx
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), activeCondition(now)));
  if ((active?.n ?? 0) >= maxActiveTokens) {
    fail(`You already have ${maxActiveTokens} active tokens. Revoke one you no longer use first.`);
  }
  const token = tokenPrefix + randomBytes(32).toString("base64url");
  const [row] = await tx
    .insert(apiTokens)
    .values({
      userId: actor.id,
      name: input.name,
      tokenHash: hashApiToken(token),
      tokenPrefix: token.slice(0, 8),
      createdAt: now,
      expiresAt: expiryOf(input.lifetime, now),
    })
    .returning();
  await recordAudit(tx, {
    actorId: actor.id,
    action: "auth.api_token_created",
    entityType: "user",
    entityId: actor.id,
    after: { tokenId: row!.id, name: row!.name, expiresAt: isoOrNull(row!.expiresAt) },
    ip,
  });
  return { ...viewOf(row!), token };
}

/**
 * Revokes one of the actor's tokens; it stops working at its next request,
 * since authentication reads the row every time. Revoking a revoked token
 * changes (and audits) nothing; another user's token reads as missing.
 */
export async function revokeApiToken(
  tx: DbOrTx,
  actor: Actor,
  tokenId: string,
  { now = new Date(), ip = null }: TokenChangeContext = {},
): Promise<ApiTokenView> {
  const [row] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)))
    .for("update");
  if (!row) missing("This token does not exist.");
  if (row.revokedAt) return viewOf(row);
  const [revoked] = await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, row.id)).returning();
  await recordAudit(tx, {
    actorId: actor.id,
    action: "auth.api_token_revoked",
    entityType: "user",
    entityId: actor.id,
    after: { tokenId: row.id, name: row.name },
    ip,
  });
  return viewOf(revoked!);
}

/** The actor's tokens, newest first: active ones and, for the record, revoked and expired ones. */
export async function listApiTokens(db: DbOrTx, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(100);
  return rows.map(viewOf);
}

/** Every token of a user stops working: used when an account is anonymised. */
export async function revokeAllApiTokens(tx: DbOrTx, userId: string, now = new Date()): Promise<void> {
  await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export interface TokenUser extends CurrentUser {
  tokenId: string;
}

/**
 * The user a bearer token stands for, as stored now, or null when the token
 * is unknown, revoked, expired, or its user deactivated. One statement, which
 * also records when the token was last used.
 */
export async function authenticateApiToken(db: DbOrTx, token: string, now = new Date()): Promise<TokenUser | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .from(users)
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        activeCondition(now),
        eq(users.id, apiTokens.userId),
        eq(users.isActive, true),
      ),
    )
    .returning({
      tokenId: apiTokens.id,
      id: users.id,
      email: users.email,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      gradeLevel: users.gradeLevel,
    });
  return row ?? null;
}

function viewOf(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    hint: `${row.tokenPrefix}…`,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
