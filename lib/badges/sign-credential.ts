import { importJWK, SignJWT, type JWK } from "jose";
import type { AchievementCredential } from "./credential";

// The JSON Web Token Proof Format of Open Badges 3.0 (§8.2, "jwt-proof"): the
// JWT payload is the credential itself plus the registered claims iss, jti,
// nbf and sub; the JOSE header carries only alg, kid (a URL that dereferences
// to the public JWK) and typ "JWT" (the spec allows no other headers).
export const credentialJwtAlgorithm = "EdDSA";

export type CredentialJwtHeader = {
  alg: typeof credentialJwtAlgorithm;
  kid: string;
  typ: "JWT";
};

export function credentialJwtClaims(credential: AchievementCredential) {
  return {
    iss: credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf: Math.floor(new Date(credential.validFrom).getTime() / 1000),
  };
}

/** Signs the credential as a compact JWS with the site's Ed25519 key. Ed25519 is deterministic: same credential, same key, same token. */
export async function signCredential(credential: AchievementCredential, key: { privateKeyJwk: JWK; kid: string }): Promise<string> {
  const privateKey = await importJWK(key.privateKeyJwk, credentialJwtAlgorithm);
  const header: CredentialJwtHeader = { alg: credentialJwtAlgorithm, kid: key.kid, typ: "JWT" };
  return new SignJWT({ ...credential, ...credentialJwtClaims(credential) }).setProtectedHeader(header).sign(privateKey);
}
