import { generateKeyPairSync } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { calculateJwkThumbprint, type JWK } from "jose";
import type { DbOrTx } from "@/db";
import { signingKeys } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/auth/mfa/secret-box";
import { resolveAuthSecret } from "@/lib/auth/secret";

// Ed25519 is the one algorithm the site signs credentials with (EdDSA in JOSE).
export const badgeKeyAlgorithm = "Ed25519";

export interface PublicSigningKey {
  id: string;
  publicKeyJwk: JWK;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface ActiveSigningKey extends PublicSigningKey {
  privateKeyJwk: JWK;
}

const publicColumns = {
  id: signingKeys.id,
  publicKeyJwk: signingKeys.publicKeyJwk,
  createdAt: signingKeys.createdAt,
  retiredAt: signingKeys.retiredAt,
};

/** A new Ed25519 key pair as JWKs; the private half is sealed with AUTH_SECRET before it is stored. */
function newKeyRow(authSecret: string) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicJwk = publicKey.export({ format: "jwk" });
  const privateJwk = privateKey.export({ format: "jwk" });
  return {
    algorithm: badgeKeyAlgorithm,
    publicKeyJwk: { kty: String(publicJwk.kty), crv: String(publicJwk.crv), x: String(publicJwk.x) },
    sealedPrivateKey: encryptSecret(JSON.stringify(privateJwk), authSecret),
  };
}

async function readActive(db: DbOrTx) {
  const [row] = await db
    .select({ ...publicColumns, sealedPrivateKey: signingKeys.sealedPrivateKey })
    .from(signingKeys)
    .where(and(eq(signingKeys.algorithm, badgeKeyAlgorithm), isNull(signingKeys.retiredAt)));
  return row;
}

/**
 * The key new credentials are signed with, created on first use. Two requests
 * racing here both insert; the partial unique index keeps one (the other's
 * insert does nothing) and both then read the same row.
 */
export async function getActiveSigningKey(db: DbOrTx): Promise<ActiveSigningKey> {
  const authSecret = resolveAuthSecret();
  let row = await readActive(db);
  if (!row) {
    await db.insert(signingKeys).values(newKeyRow(authSecret)).onConflictDoNothing();
    row = await readActive(db);
  }
  if (!row) throw new Error("No active signing key after creating one");
  const { sealedPrivateKey, ...rest } = row;
  return { ...rest, publicKeyJwk: rest.publicKeyJwk as JWK, privateKeyJwk: JSON.parse(decryptSecret(sealedPrivateKey, authSecret)) as JWK };
}

/** Every key the site has signed with, newest first (so the active key leads): retired ones still verify. */
export async function listSigningKeys(db: DbOrTx): Promise<PublicSigningKey[]> {
  const rows = await db
    .select(publicColumns)
    .from(signingKeys)
    .where(eq(signingKeys.algorithm, badgeKeyAlgorithm))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.id));
  const active = rows.filter((row) => row.retiredAt === null);
  const retired = rows.filter((row) => row.retiredAt !== null);
  return [...active, ...retired].map((row) => ({ ...row, publicKeyJwk: row.publicKeyJwk as JWK }));
}

/** One key by its row id (a kid's last segment), active or retired. */
export async function findSigningKey(db: DbOrTx, keyId: string): Promise<PublicSigningKey | null> {
  const [row] = await db.select(publicColumns).from(signingKeys).where(eq(signingKeys.id, keyId));
  return row ? { ...row, publicKeyJwk: row.publicKeyJwk as JWK } : null;
}

/** The RFC 7638 thumbprint admins compare with what a verifier shows. */
export function keyFingerprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, "sha256");
}

/**
 * Retires the active key and creates its successor. The retire takes the active
 * row's lock, so of two rotations at once the second finds nothing to retire and
 * answers null rather than making a second new key.
 */
export async function retireAndReplaceSigningKey(tx: DbOrTx): Promise<{ retired: PublicSigningKey | null; created: PublicSigningKey } | null> {
  const authSecret = resolveAuthSecret();
  const existing = await readActive(tx);
  let retired: PublicSigningKey | null = null;
  if (existing) {
    const [row] = await tx
      .update(signingKeys)
      .set({ retiredAt: new Date() })
      .where(and(eq(signingKeys.id, existing.id), isNull(signingKeys.retiredAt)))
      .returning(publicColumns);
    if (!row) return null;
    retired = { ...row, publicKeyJwk: row.publicKeyJwk as JWK };
  }
  const [created] = await tx.insert(signingKeys).values(newKeyRow(authSecret)).onConflictDoNothing().returning(publicColumns);
  if (!created) return null;
  return { retired, created: { ...created, publicKeyJwk: created.publicKeyJwk as JWK } };
}
