import type { DbOrTx } from "@/db";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { siteName, siteUrl } from "@/lib/site/config";
import { buildAchievementCredential, issuerProfile, type AchievementCredential } from "./credential";
import type { CertificateForCredential } from "./load-certificate";
import { signCredential } from "./sign-credential";
import { getActiveSigningKey } from "./signing-keys";
import { badgeUrls } from "./urls";

export interface IssuedCredential {
  credential: AchievementCredential;
  jwt: string;
  kid: string;
}

export function credentialFor(certificate: CertificateForCredential): AchievementCredential {
  const urls = badgeUrls();
  return buildAchievementCredential({
    certificate,
    urls,
    issuer: issuerProfile(urls, siteName(), siteUrl()),
    minGradePercent: certificate.minGradePercent,
    secret: resolveAuthSecret(),
  });
}

/**
 * The certificate's credential signed with the active key. It is signed on
 * each request rather than stored: the content is fixed at issue, Ed25519
 * signatures are deterministic, and a token signed before a key rotation still
 * verifies because retired keys stay published.
 */
export async function issueCredential(db: DbOrTx, certificate: CertificateForCredential): Promise<IssuedCredential> {
  const key = await getActiveSigningKey(db);
  const credential = credentialFor(certificate);
  const kid = badgeUrls().key(key.id);
  return { credential, jwt: await signCredential(credential, { privateKeyJwk: key.privateKeyJwk, kid }), kid };
}
