import { siteUrl } from "@/lib/site/config";

// The public addresses the credentials name. They are absolute (a credential
// leaves the site), built from SITE_URL, and each one answers with JSON.
export interface BadgeUrls {
  issuer: string;
  jwks: string;
  key: (keyId: string) => string;
  achievement: (courseId: string) => string;
  credentialJson: (code: string) => string;
  credentialJwt: (code: string) => string;
  verificationPage: (code: string) => string;
}

export function badgeUrls(base: string = siteUrl()): BadgeUrls {
  const root = base.replace(/\/+$/, "");
  const code = (value: string) => encodeURIComponent(value);
  return {
    issuer: `${root}/badges/issuer`,
    jwks: `${root}/badges/issuer/jwks.json`,
    key: (keyId) => `${root}/badges/issuer/keys/${code(keyId)}`,
    achievement: (courseId) => `${root}/badges/achievements/${code(courseId)}`,
    credentialJson: (value) => `${root}/certificates/${code(value)}/credential.json`,
    credentialJwt: (value) => `${root}/certificates/${code(value)}/credential.jwt`,
    verificationPage: (value) => `${root}/certificates/${code(value)}`,
  };
}

const keyIdPattern = /\/badges\/issuer\/keys\/([0-9a-f-]{36})$/i;

/**
 * The signing key's row id named by a JWT's kid. The kid is the key's URL; only
 * its last segment is compared, so credentials signed before SITE_URL changed
 * still find their key.
 */
export function keyIdFromKid(kid: unknown): string | null {
  if (typeof kid !== "string") return null;
  const match = keyIdPattern.exec(kid);
  return match ? match[1]!.toLowerCase() : null;
}
