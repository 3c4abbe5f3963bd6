import { decodeProtectedHeader, errors, importJWK, jwtVerify } from "jose";
import type { DbOrTx } from "@/db";
import { certificates } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { AchievementCredential } from "./credential";
import { credentialJwtAlgorithm } from "./sign-credential";
import { findSigningKey, keyFingerprint } from "./signing-keys";
import { keyIdFromKid } from "./urls";

export type CredentialVerification =
  | {
      status: "verified" | "revoked";
      credential: AchievementCredential;
      kid: string;
      fingerprint: string;
      keyRetired: boolean;
      revokedAt: Date | null;
      revokedReason: string | null;
    }
  | { status: "malformed" | "unknown-key" | "bad-signature" | "claims-mismatch" | "unknown-certificate"; detail: string };

const codeFromCredentialId = /\/certificates\/([^/]+)\/credential\.json$/;

/** Explains a failed check in a sentence for the verification page. */
export function describeFailure(result: Exclude<CredentialVerification, { credential: AchievementCredential }>): string {
  switch (result.status) {
    case "malformed":
      return "The credential is not a well-formed signed JWT.";
    case "unknown-key":
      return "The credential names a signing key this site never published.";
    case "bad-signature":
      return "The signature does not match the credential: it was altered or signed by someone else.";
    case "claims-mismatch":
      return "The token's claims do not match the credential inside it.";
    case "unknown-certificate":
      return "The credential is for a certificate this site does not know.";
  }
}

/**
 * Verifies a compact JWS credential against the site's own keys (active or
 * retired), then the claim checks of OB 3.0 §8.2.6 ("Verify a Credential
 * VC-JWT Signature"), then the certificate's state in the database.
 */
export async function verifyCredentialJwt(db: DbOrTx, jwt: string, now: Date = new Date()): Promise<CredentialVerification> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(jwt.trim()).kid;
  } catch {
    return { status: "malformed", detail: "header" };
  }
  const keyId = keyIdFromKid(kid);
  const key = keyId ? await findSigningKey(db, keyId) : null;
  if (!key || typeof kid !== "string") return { status: "unknown-key", detail: String(kid ?? "") };

  let payload: Record<string, unknown>;
  try {
    const publicKey = await importJWK(key.publicKeyJwk, credentialJwtAlgorithm);
    ({ payload } = await jwtVerify(jwt.trim(), publicKey, { algorithms: [credentialJwtAlgorithm], currentDate: now }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) return { status: "bad-signature", detail: "signature" };
    if (error instanceof errors.JWTClaimValidationFailed) return { status: "claims-mismatch", detail: error.claim };
    if (error instanceof errors.JOSEError) return { status: "malformed", detail: error.code };
    throw error;
  }

  const credential = payload as unknown as AchievementCredential;
  const mismatch = claimMismatch(payload, credential);
  if (mismatch) return { status: "claims-mismatch", detail: mismatch };

  const code = codeFromCredentialId.exec(String(credential.id))?.[1];
  const [certificate] = code
    ? await db
        .select({ revokedAt: certificates.revokedAt, revokedReason: certificates.revokedReason })
        .from(certificates)
        .where(eq(certificates.code, decodeURIComponent(code)))
    : [];
  if (!certificate) return { status: "unknown-certificate", detail: String(credential.id) };

  return {
    status: certificate.revokedAt ? "revoked" : "verified",
    credential,
    kid,
    fingerprint: await keyFingerprint(key.publicKeyJwk),
    keyRetired: key.retiredAt !== null,
    revokedAt: certificate.revokedAt,
    revokedReason: certificate.revokedReason,
  };
}

/** The §8.2.6 checks: iss = issuer.id, sub = credentialSubject.id, jti = id, nbf = validFrom. Answers the first claim that differs. */
export function claimMismatch(payload: Record<string, unknown>, credential: AchievementCredential): string | null {
  if (typeof payload.iss !== "string" || payload.iss !== credential.issuer?.id) return "iss";
  if (typeof payload.sub !== "string" || payload.sub !== credential.credentialSubject?.id) return "sub";
  if (typeof payload.jti !== "string" || payload.jti !== credential.id) return "jti";
  const validFrom = Date.parse(String(credential.validFrom));
  if (typeof payload.nbf !== "number" || Number.isNaN(validFrom) || payload.nbf * 1000 !== validFrom) return "nbf";
  return null;
}
