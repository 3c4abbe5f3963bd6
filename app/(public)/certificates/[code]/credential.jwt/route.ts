import { db } from "@/db";
import { issueCredential } from "@/lib/badges/issue-credential";
import { loadCertificateByCode } from "@/lib/badges/load-certificate";
import { badgeNotFound, badgeRevoked, badgeText } from "@/lib/badges/responses";
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
  const { jwt } = await issueCredential(db, certificate);
  return badgeText(jwt, "application/jwt", "public, no-cache", {
    "Content-Disposition": `attachment; filename="certificate-${certificate.code}.jwt"`,
  });
}
