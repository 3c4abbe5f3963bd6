import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificates, courses } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { issueCredential, type IssuedCredential } from "./issue-credential";
import { loadCertificateById, type CertificateForCredential } from "./load-certificate";
import { keyFingerprint, listSigningKeys } from "./signing-keys";
import { badgeUrls } from "./urls";

export interface AdminSigningKey {
  id: string;
  kid: string;
  fingerprint: string;
  createdAt: Date;
  retiredAt: Date | null;
}

/** The signing keys for the admin page; null for anyone who may not manage the site's settings. */
export async function listSigningKeysForAdmin(db: DbOrTx, user: CurrentUser): Promise<AdminSigningKey[] | null> {
  if (!can(user, "site.manageSettings")) return null;
  const urls = badgeUrls();
  const keys = await listSigningKeys(db);
  return Promise.all(
    keys.map(async (key) => ({
      id: key.id,
      kid: urls.key(key.id),
      fingerprint: await keyFingerprint(key.publicKeyJwk),
      createdAt: key.createdAt,
      retiredAt: key.retiredAt,
    })),
  );
}

/** certificate.view as a condition: admins see all, a student its own, a teacher its courses'. */
function certificateAccess(user: CurrentUser): SQL | undefined {
  if (user.role === "admin") return undefined;
  const own = eq(certificates.userId, user.id);
  return user.role === "teacher" ? or(own, eq(courses.teacherId, user.id)) : and(own);
}

export type CredentialForUser =
  | { found: false }
  | { found: true; certificate: CertificateForCredential; issued: IssuedCredential | null };

/**
 * A certificate's signed credential for its student, the course's teacher or
 * an admin (the policy's certificate.view); anyone else finds nothing. A
 * revoked certificate is found but has no credential to hand out.
 */
export async function credentialForUser(db: DbOrTx, user: CurrentUser, certificateId: string): Promise<CredentialForUser> {
  const certificate = await loadCertificateById(db, certificateId, certificateAccess(user));
  if (!certificate || !can(user, "certificate.view", { userId: certificate.userId, courseTeacherId: certificate.courseTeacherId })) {
    return { found: false };
  }
  if (certificate.revokedAt) return { found: true, certificate, issued: null };
  return { found: true, certificate, issued: await issueCredential(db, certificate) };
}
