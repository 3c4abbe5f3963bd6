import { certificateJson, getCertificateContract } from "@/lib/api/contracts/certificates";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { loadAccessibleCertificate } from "@/lib/certificates/access";
import { certificateNotFoundMessage } from "@/lib/certificates/revoke";

export const GET = apiRoute(getCertificateContract, async ({ db, user, params }) => {
  const certificate = await loadAccessibleCertificate(db, user, params.certificateId);
  if (!certificate) throw new ApiProblem("not_found", certificateNotFoundMessage);
  return certificateJson(certificate);
});
