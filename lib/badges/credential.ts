import { createHash, createHmac } from "node:crypto";
import type { BadgeUrls } from "./urls";

// The Open Badges 3.0 AchievementCredential the site issues for a certificate
// (1EdTech Open Badges Specification v3.0, its data model: AchievementCredential,
// Profile, AchievementSubject, Achievement, IdentityObject).
// Pure: the caller loads the certificate and supplies the secret that salts
// the recipient's hashed email.

export const credentialContexts = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
] as const;

export interface CredentialCertificate {
  id: string;
  code: string;
  userId: string;
  courseId: string;
  recipientName: string;
  recipientEmail: string;
  courseTitle: string;
  teacherName: string;
  gradePercent: number | null;
  issuedAt: Date;
}

export interface IssuerProfile {
  id: string;
  type: ["Profile"];
  name: string;
  url: string;
}

export interface AchievementJson {
  id: string;
  type: ["Achievement"];
  achievementType: "Certificate";
  name: string;
  description: string;
  criteria: { narrative: string };
  creator: IssuerProfile;
}

export interface IdentityObject {
  type: "IdentityObject";
  identityType: "emailAddress" | "name";
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface AchievementCredential {
  "@context": typeof credentialContexts;
  id: string;
  type: ["VerifiableCredential", "OpenBadgeCredential"];
  name: string;
  description: string;
  issuer: IssuerProfile;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: ["AchievementSubject"];
    identifier: IdentityObject[];
    achievement: AchievementJson;
    result?: { type: ["Result"]; value: string }[];
  };
}

export function issuerProfile(urls: BadgeUrls, siteName: string, siteUrl: string): IssuerProfile {
  return { id: urls.issuer, type: ["Profile"], name: siteName, url: siteUrl };
}

export function achievementJson(
  urls: BadgeUrls,
  issuer: IssuerProfile,
  course: { courseId: string; courseTitle: string; minGradePercent: number | null },
): AchievementJson {
  const grade = course.minGradePercent === null ? "" : ` and reach a course grade of at least ${formatPercent(course.minGradePercent)}`;
  return {
    id: urls.achievement(course.courseId),
    type: ["Achievement"],
    achievementType: "Certificate",
    name: course.courseTitle,
    description: `Completion of the course "${course.courseTitle}" at ${issuer.name}.`,
    criteria: { narrative: `Complete every required lesson and task of the course "${course.courseTitle}"${grade}.` },
    creator: issuer,
  };
}

/**
 * A salt derived from the site secret and the certificate: the same for every
 * download of one credential (so it stays stable), different between
 * credentials, and not guessable, so the hash cannot be tested against a list of emails.
 */
export function identitySalt(secret: string, certificateId: string): string {
  return createHmac("sha256", secret).update(`jeevi-academy badge identity salt v1:${certificateId}`).digest("base64url").slice(0, 22);
}

/** OB 3.0 IdentityObject hash: "sha256$" + hex(sha256(identity + salt)), the email lower-cased first. */
export function hashIdentity(identity: string, salt: string): string {
  return `sha256$${createHash("sha256").update(identity + salt).digest("hex")}`;
}

/**
 * The recipient's subject id (the JWT's required `sub`): a URN derived from the
 * user with the site secret, the same on all of one person's credentials and
 * revealing nothing about them.
 */
export function recipientSubjectId(secret: string, userId: string): string {
  const hex = createHmac("sha256", secret).update(`jeevi-academy badge recipient v1:${userId}`).digest("hex");
  // Formatted as a version 8 (custom) UUID, RFC 9562.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(2)}%`;
}

export function buildAchievementCredential(input: {
  certificate: CredentialCertificate;
  urls: BadgeUrls;
  issuer: IssuerProfile;
  minGradePercent: number | null;
  secret: string;
}): AchievementCredential {
  const { certificate, urls, issuer, secret } = input;
  const salt = identitySalt(secret, certificate.id);
  const achievement = achievementJson(urls, issuer, {
    courseId: certificate.courseId,
    courseTitle: certificate.courseTitle,
    minGradePercent: input.minGradePercent,
  });
  return {
    "@context": credentialContexts,
    id: urls.credentialJson(certificate.code),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `Certificate: ${certificate.courseTitle}`,
    description: `${certificate.recipientName} completed "${certificate.courseTitle}" (teacher: ${certificate.teacherName}). Verify at ${urls.verificationPage(certificate.code)}.`,
    issuer,
    // Whole seconds: the JWT's nbf is a NumericDate and must equal validFrom (§8.2.6).
    validFrom: new Date(Math.floor(certificate.issuedAt.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z"),
    credentialSubject: {
      id: recipientSubjectId(secret, certificate.userId),
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: hashIdentity(certificate.recipientEmail.trim().toLowerCase(), salt), salt },
        { type: "IdentityObject", identityType: "name", hashed: false, identityHash: certificate.recipientName },
      ],
      achievement,
      ...(certificate.gradePercent === null
        ? {}
        : { result: [{ type: ["Result"] as ["Result"], value: formatPercent(certificate.gradePercent) }] }),
    },
  };
}
