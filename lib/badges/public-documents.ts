import { and, eq, exists } from "drizzle-orm";
import type { JWK } from "jose";
import type { DbOrTx } from "@/db";
import { certificateRules, certificates, courses } from "@/db/schema";
import { siteName, siteUrl } from "@/lib/site/config";
import { achievementJson, credentialContexts, issuerProfile, type AchievementJson, type IssuerProfile } from "./credential";
import { listSigningKeys, type PublicSigningKey } from "./signing-keys";
import { badgeUrls } from "./urls";

// The JSON documents a verifier dereferences: the issuer's Profile, its keys
// (a JWKS, and each key alone at its kid URL, as OB 3.0 §8.2.3 requires of
// kid), and the Achievement of each course that issues certificates.

/** Only the public members of a key, with its kid: never "d", whatever the row held. */
export function publicJwk(key: PublicSigningKey, kid: string): JWK {
  const { kty, crv, x } = key.publicKeyJwk;
  return { kty, crv, x, kid, alg: "EdDSA", use: "sig" };
}

export async function issuerDocument(): Promise<IssuerProfile & { "@context": typeof credentialContexts; description: string }> {
  const urls = badgeUrls();
  const profile = issuerProfile(urls, siteName(), siteUrl());
  return {
    "@context": credentialContexts,
    ...profile,
    description: `Issues Open Badges 3.0 credentials for the certificates of ${profile.name}. Signing keys: ${urls.jwks}`,
  };
}

export async function jwksDocument(db: DbOrTx): Promise<{ keys: JWK[] }> {
  const urls = badgeUrls();
  const keys = await listSigningKeys(db);
  return { keys: keys.map((key) => publicJwk(key, urls.key(key.id))) };
}

export async function achievementDocument(
  db: DbOrTx,
  courseId: string,
): Promise<(AchievementJson & { "@context": typeof credentialContexts }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(courseId)) return null;
  const [course] = await db
    .select({ courseId: courses.id, courseTitle: courses.title, minGradePercent: certificateRules.minGradePercent })
    .from(courses)
    .innerJoin(certificateRules, eq(certificateRules.courseId, courses.id))
    .where(and(eq(courses.id, courseId), exists(db.select({ one: certificates.id }).from(certificates).where(eq(certificates.courseId, courses.id)))));
  if (!course) return null;
  const urls = badgeUrls();
  return { "@context": credentialContexts, ...achievementJson(urls, issuerProfile(urls, siteName(), siteUrl()), course) };
}
