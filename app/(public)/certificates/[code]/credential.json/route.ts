import { db } from "@/db";
import { credentialFor } from "@/lib/badges/issue-credential";
import { loadCertificateByCode } from "@/lib/badges/load-certificate";
import { badgeJson, badgeNotFound, badgeRevoked } from "@/lib/badges/responses";
import { badgeUrls } from "@/lib/badges/urls";

// GET /certificates/<code>/credential.json: the credential's JSON (its `id`),
// for people and tools that read JSON; the signed form is credential.jwt
// beside it. Unknown code: 404; revoked: 410 with the reason.

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const certificate = await loadCertificateByCode(db, code);
  if (!certificate) return badgeNotFound();
  if (certificate.revokedAt) return badgeRevoked(certificate.revokedAt, certificate.revokedReason, badgeUrls().verificationPage(certificate.code));
  const response = badgeJson(credentialFor(certificate), "public, no-cache");
  response.headers.set("Link", `<${badgeUrls().credentialJwt(certificate.code)}>; rel="alternate"; type="application/jwt"`);
  return response;
}
