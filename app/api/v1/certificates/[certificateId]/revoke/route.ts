import { certificateJson, revokeCertificateContract } from "@/lib/api/contracts/certificates";
import { apiRoute } from "@/lib/api/route";
import { loadAccessibleCertificate } from "@/lib/certificates/access";
import { revokeCertificate } from "@/lib/certificates/revoke";

// The same domain function as the teacher's and admin's pages: audited.
export const POST = apiRoute(revokeCertificateContract, async ({ db, user, params, body }) => {
  const revoked = await revokeCertificate(db, user, { certificateId: params.certificateId, reason: body.reason });
  return certificateJson((await loadAccessibleCertificate(db, user, revoked.certificateId))!);
});
