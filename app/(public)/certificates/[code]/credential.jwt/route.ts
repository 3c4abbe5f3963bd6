import { db } from "@/db";
import { issueCredential } from "@/lib/badges/issue-credential";
import { loadCertificateByCode } from "@/lib/badges/load-certificate";
import { badgeNotFound, badgeRevoked, badgeText, badgeUnavailable } from "@/lib/badges/responses";
import { logger } from "@/lib/logging/logger.mjs";
import { badgeUrls } from "@/lib/badges/urls";

// GET /certificates/<code>/credential.jwt: the certificate's Open Badges 3.0
// credential as a compact JWS (OB 3.0 §8.2, the JWT proof format; typ "JWT",
// hence application/jwt). Unknown code: 404; revoked: 410 with the reason.

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const certificate = await loadCertificateByCode(db, code);
  if (!certificate) return badgeNotFound();
  if (certificate.revokedAt) return badgeRevoked(certificate.revokedAt, certificate.revokedReason, badgeUrls().verificationPage(certificate.code));
  let jwt: string;
  try {
    ({ jwt } = await issueCredential(db, certificate));
  } catch (error) {
    // The sealed signing key does not open (AUTH_SECRET changed since it was made): an admin rotates it (docs/open-badges.md).
    logger().error({ err: error, certificateId: certificate.id }, "badges: cannot sign the credential");
    return badgeUnavailable();
  }
  return badgeText(jwt, "application/jwt", "public, no-cache", {
    "Content-Disposition": `attachment; filename="certificate-${certificate.code}.jwt"`,
  });
}
