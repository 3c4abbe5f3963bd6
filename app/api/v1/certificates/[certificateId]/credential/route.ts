import { certificateCredentialContract } from "@/lib/api/contracts/badges";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { credentialForUser } from "@/lib/badges/queries";

export const GET = apiRoute(certificateCredentialContract, async ({ db, user, params }) => {
  const result = await credentialForUser(db, user, params.certificateId);
  if (!result.found) throw new ApiProblem("not_found", "No such certificate.");
  if (!result.issued) throw new ApiProblem("conflict", "This certificate was revoked, so it has no credential.");
  return { jwt: result.issued.jwt, credential: { ...result.issued.credential } };
});
