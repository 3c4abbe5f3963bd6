import { verifyCertificateContract } from "@/lib/api/contracts/certificates";
import { ApiReply, apiRoute } from "@/lib/api/route";
import { formatCertificateCode } from "@/lib/certificates/code";
import { lookUpCertificate } from "@/lib/certificates/public-lookup";

// Public: what the verification page shows, and nothing more.
export const GET = apiRoute(verifyCertificateContract, async ({ db, params }) => {
  const found = await lookUpCertificate(db, params.code);
  if (found.status === "not_found") return new ApiReply(404, { status: "not_found" });
  return {
    status: found.status,
    code: formatCertificateCode(found.code),
    recipientName: found.recipientName,
    courseTitle: found.courseTitle,
    teacherName: found.teacherName,
    issuer: found.issuer,
    issuedAt: found.issuedAt.toISOString(),
    revokedAt: found.revokedAt?.toISOString() ?? null,
    revokedReason: found.revokedReason,
  };
});
